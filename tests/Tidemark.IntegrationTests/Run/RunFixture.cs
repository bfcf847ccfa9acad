using Tidemark.IntegrationTests.GitHub;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// The real pieces of one `tidemark run`: a registry standing in for quay.io, ghcr.io and docker.io with the
/// example's tags, and the GitHub simulator with user alice (owner) and bob (a writer, plays the person).
/// </summary>
public sealed class RunFixture : IAsyncLifetime
{
    private int counter;

    public LocalRegistry Registry { get; private set; } = null!;

    public GitHubSimulator GitHub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Registry = await StartRegistryAsync();
        GitHub = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions());
        RecordedExchanges.Register(GitHub.Recorder);
        GitHub.AddUser("alice");
        GitHub.AddUser("bob");
    }

    public async Task DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Registry.DisposeAsync();
    }

    /// <summary>A registry with the tags the example repository's images can move to (cert-manager v1.18.2, podinfo 6.9.1, ...).</summary>
    public static async Task<LocalRegistry> StartRegistryAsync()
    {
        var registry = await LocalRegistry.StartAnonymousAsync();
        foreach (var name in new[] { "controller", "webhook", "cainjector", "acmesolver" })
        {
            await registry.PushTagsAsync($"jetstack/cert-manager-{name}", ["v1.16.2", "v1.17.4", "v1.18.2", "v1.19.0-alpha.1", "v2.0.0"]);
        }

        await registry.PushTagsAsync("stefanprodan/podinfo", ["6.7.0", "6.9.1", "7.0.0"]);
        await registry.PushTagsAsync("library/nginx", ["1.25.3", "1.25.3-alpine", "1.27.3", "1.27.3-alpine"]);
        await registry.PushTagsAsync("library/busybox", ["1.36.1", "1.37.0"]);
        await registry.PushTagsAsync("bitnami/redis", ["7.2.4", "7.4.1", "8.0.0"]);
        await registry.PushTagsAsync("held/a", ["1.0.0", "1.1.0", "1.2.0"]);
        await registry.PushTagsAsync("held/b", ["1.0.0", "1.1.0"]);
        await registry.PushTagsAsync("pinned/app", ["1.0.0", "1.1.0"]);
        return registry;
    }

    /// <summary>
    /// A fresh private repository of alice's holding examples/ (<paramref name="extraConfig"/> added to its own tidemark.yaml),
    /// bob a writer, a token of alice's, and the operator's --config sending the registries to <paramref name="registry"/>.
    /// </summary>
    /// <param name="name">The repository's name under alice (default <c>gitopsN</c>); a unique one keeps its metrics apart from other tests'.</param>
    internal async Task<RunScene> NewSceneAsync(LocalRegistry? registry = null, string extraConfig = "", string? name = null)
    {
        var local = registry ?? Registry;
        var examples = ExampleRepository.Copy(extraConfig);
        var repository = await GitHub.AddRepositoryAsync("alice", name ?? "gitops" + Interlocked.Increment(ref counter), new RepositoryOptions { ImportFolder = examples });
        Directory.Delete(examples, recursive: true);
        GitHub.AddCollaborator(repository, "bob", RepositoryRole.Write);
        var token = GitHub.IssueClassicToken("alice", ["repo"]);
        var scene = new RunScene(GitHub, repository, token);
        scene.OperatorConfig = ExampleRepository.WriteOperatorConfig(Path.Combine(scene.Root, "operator.yaml"), local.Host);
        return scene;
    }
}

using Microsoft.Extensions.Time.Testing;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// What the token-life tests share: a GitHub simulator on one fake clock holding alice/gitops (the bundled example),
/// scenes whose registry endpoints are in an operator --config, and their clean-up.
/// </summary>
public abstract class TokenLifeScenes(TokenLifeFixture fixture) : IAsyncLifetime
{
    /// <summary>A fine-grained token's permissions that let a run push and open a pull request.</summary>
    private protected static readonly Dictionary<string, string> Writer = new() { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" };

    private protected readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private protected GitHubSimulator github = null!;
    private protected SimRepository repository = null!;
    private readonly List<RunScene> scenes = [];

    public async Task InitializeAsync()
    {
        github = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Time = time });
        RecordedExchanges.Register(github.Recorder);
        github.AddUser("alice");
        var examples = ExampleRepository.Copy();
        repository = await github.AddRepositoryAsync("alice", "gitops", new RepositoryOptions { ImportFolder = examples });
        Directory.Delete(examples, recursive: true);
    }

    public async Task DisposeAsync()
    {
        foreach (var scene in scenes)
        {
            scene.Dispose();
        }

        await github.DisposeAsync();
    }

    /// <summary>The local registry the operator --config sends quay.io, ghcr.io and docker.io to.</summary>
    private protected string RegistryHost => fixture.Registry.Host;

    /// <summary>A new scene running with <paramref name="token"/> on the shared clock, cleaned up with the test.</summary>
    private protected RunScene Scene(SimToken token)
    {
        var scene = new RunScene(github, repository, token) { Time = time };
        scene.OperatorConfig = ExampleRepository.WriteOperatorConfig(Path.Combine(scene.Root, "operator.yaml"), RegistryHost);
        scenes.Add(scene);
        return scene;
    }
}

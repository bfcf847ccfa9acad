using System.Diagnostics;
using Tidemark.Cli;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>
/// The whole path, with nothing called directly: <c>tidemark serve</c> (in-process, as the CLI runs it) manages the
/// example repository in the GitHub simulator with an interval of an hour, so only triggers make it run; the real
/// distribution registry notifies its <c>/hooks/registry/distribution</c>; a tag pushed to the registry ends as the
/// pull request's new content.
/// </summary>
public sealed class ServeNotificationEndToEndTests
{
    private const string UpdateBranch = "flux-image-updates";
    private const string AppFile = "apps/team/deployment.yaml";

    [Fact]
    public async Task A_tag_pushed_to_the_registry_updates_the_pull_request_through_the_registrys_own_notification()
    {
        var root = Directory.CreateTempSubdirectory("tidemark-serve-e2e-").FullName;
        var servePort = Ports.Free();
        var secret = HookSecrets.New();
        await using var registry = await LocalRegistry.StartAnonymousAsync(
            new RegistryNotification(new Uri($"http://127.0.0.1:{servePort}/hooks/registry/distribution"), $"Bearer {secret}"));
        await using var github = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions());
        github.AddUser("alice");
        await PushExampleTagsAsync(registry);
        await registry.PushTagsAsync("team/app", ["1.0.0", "1.0.1"]);

        var examples = ExampleRepository.Copy();
        Directory.CreateDirectory(Path.Combine(examples, "apps", "team"));
        await File.WriteAllTextAsync(Path.Combine(examples, AppFile), Deployment(registry.Host, "1.0.0"));
        var repository = await github.AddRepositoryAsync("alice", "gitops", new RepositoryOptions { ImportFolder = examples });
        Directory.Delete(examples, recursive: true);
        var token = github.IssueClassicToken("alice", ["repo"]).Value;
        var operatorConfig = ExampleRepository.WriteOperatorConfig(Path.Combine(root, "operator.yaml"), registry.Host);
        var settings = Path.Combine(root, "serve.yaml");
        await File.WriteAllTextAsync(settings, $"""
            listen: ["http://127.0.0.1:{servePort}"]
            state: {Path.Combine(root, "state.db")}
            workDir: {Path.Combine(root, "work")}
            log: json
            token: {"{"} env: GITHUB_TOKEN {"}"}
            repositories:
              - url: {github.CloneUri("alice", "gitops").AbsoluteUri}
                interval: 1h
                config: {operatorConfig}
                apiUrl: {github.ApiUri.AbsoluteUri}
            webhooks:
              registries:
                distribution: {"{"} secret: {"{"} env: DISTRIBUTION_WEBHOOK_SECRET {"}"} {"}"}
            """);

        var stderr = new StringWriter();
        var variables = new Dictionary<string, string> { ["GITHUB_TOKEN"] = token, ["DISTRIBUTION_WEBHOOK_SECRET"] = secret, ["TIDEMARK_LOG_LEVEL"] = "Information" };
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Synchronized(stderr), TimeProvider.System, name => variables.GetValueOrDefault(name), ErrorIsTerminal: false);
        using var stop = new CancellationTokenSource();
        var serve = Task.Run(() => TidemarkApp.RunAsync(["serve", "--config", settings], env, stop.Token));
        try
        {
            // The first run: the notifications the registry queued while the service was not up yet reach it and
            // trigger the repository (its images are not known before its first run). Nothing else would within an hour.
            await WaitForAsync(() => BranchFile(repository, AppFile)?.Contains($"{registry.Host}/team/app:1.0.1", StringComparison.Ordinal) == true,
                "the first pull request with team/app 1.0.1", stderr, registry);
            var first = BranchSha(repository);

            await registry.PushTagAsync("team/app", "1.0.2");

            await WaitForAsync(() => BranchFile(repository, AppFile)?.Contains($"{registry.Host}/team/app:1.0.2", StringComparison.Ordinal) == true,
                "the pull request updated to team/app 1.0.2", stderr, registry);
            Assert.NotEqual(first, BranchSha(repository));
            var log = stderr.ToString();
            Assert.Contains($"pushed {registry.Host}/team/app:1.0.2", log, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
            Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            var code = await serve.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, code);
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Deployment(string registryHost, string tag) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: team-app
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: {registryHost}/team/app:{tag}

        """;

    /// <summary>The tags the example's images can move to (as the run tests' registry has them).</summary>
    private static async Task PushExampleTagsAsync(LocalRegistry registry)
    {
        foreach (var name in new[] { "controller", "webhook", "cainjector", "acmesolver" })
        {
            await registry.PushTagsAsync($"jetstack/cert-manager-{name}", ["v1.16.2", "v1.18.2"]);
        }

        await registry.PushTagsAsync("stefanprodan/podinfo", ["6.7.0", "6.9.1"]);
        await registry.PushTagsAsync("library/nginx", ["1.25.3", "1.27.3"]);
        await registry.PushTagsAsync("library/busybox", ["1.36.1", "1.37.0"]);
        await registry.PushTagsAsync("bitnami/redis", ["7.2.4", "7.4.1"]);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, StringWriter log, LocalRegistry registry)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                Assert.Fail($"no {what} within 90 s.\nserve said:\n{log}\nthe registry said:\n{registry.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static string? BranchSha(SimRepository repository) => Succeeded(TestGit.InGitDir(repository.GitDirectory, "rev-parse", "--verify", "--quiet", "refs/heads/" + UpdateBranch));

    private static string? BranchFile(SimRepository repository, string path) => Succeeded(TestGit.InGitDir(repository.GitDirectory, "show", $"refs/heads/{UpdateBranch}:{path}"));

    private static string? Succeeded((int ExitCode, string Output) git) => git.ExitCode == 0 ? git.Output : null;
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Run;

/// <summary>One run of a scene as a host that is not the CLI runs it (a serve host, a test): its own clock, variables, redactor, git, state store and forges, then <see cref="AutomationRun.RunAsync"/>.</summary>
internal static class LibraryRun
{
    public static async Task<RunResult> RunAsync(RunScene scene, Redactor redactor)
    {
        var settings = new RunSettings(scene.RemoteUrl, new FileInfo(scene.OperatorConfig!), false, null, scene.GitHub.ApiUri, scene.StatePath, scene.WorkDir, Path.Combine(scene.Root, "secrets"));
        var logging = NullLoggerFactory.Instance;
        var git = new GitRunner(new GitRunnerOptions(Path.Combine(settings.WorkDirectory, ".home")), redactor, logging.CreateLogger<GitRunner>());
        var host = new RunHost(TimeProvider.System, name => name == "GITHUB_TOKEN" ? scene.Token : null, redactor, logging, SilentRunReport.Instance, null, git,
            ct => SqliteStateStore.OpenAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, redactor, ct),
            (api, target) => new ForgePool(TimeProvider.System, logging, api, target.Owner, target.Name));
        return await AutomationRun.RunAsync(settings, host, CancellationToken.None);
    }
}

using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Scheduling;
using Tidemark.Configuration;
using Tidemark.Credentials;

namespace Tidemark.Tests.Cli.Serve;

public sealed class ServeSettingsMappingTests
{
    [Fact]
    public void RunSettings_FromTheRepositoryEntry_OwnWorkFolderSharedStateNoLeaseWait()
    {
        var harness = new SchedulerHarness();
        var settings = harness.Settings with { State = "/var/lib/tidemark/state.db", LeaseDuration = TimeSpan.FromMinutes(7), SecretsDirectory = "/secrets" };
        var entry = settings.Repositories[0] with { Config = "/etc/tidemark/operator.yaml", ApiUrl = new Uri("https://ghe.example/api/v3/"), DryRun = true, Token = new FileToken("/run/token") };

        var run = ServeRuns.Settings(settings, new ReconcileRequest(entry, RunTrigger.Webhook("distribution", "pushed 127.0.0.1:5000/team/app:1.2.4"), Refresh: true));
        var shared = ServeRuns.Settings(settings, new ReconcileRequest(settings.Repositories[0], RunTrigger.Schedule, Refresh: false));

        Assert.Equal(("https://github.com/acme/repo1", "/etc/tidemark/operator.yaml", true, true), (run.Repo, run.Config!.FullName, run.DryRun, run.Refresh));
        Assert.Equal((new Uri("https://ghe.example/api/v3/"), true), (run.ApiUrl, run.ApiUrlGiven));
        Assert.Equal(("/var/lib/tidemark/state.db", "/tmp/work/acme/repo1", "/secrets"), (run.State, run.WorkDirectory, run.SecretsDirectory));
        Assert.Equal((TimeSpan.FromMinutes(7), TimeSpan.Zero, "serve"), (run.LeaseDuration, run.LeaseWait, run.LeaseRole));
        Assert.Equal(new FileToken("/run/token"), run.Token);
        Assert.Equal(new EnvToken("GITHUB_TOKEN"), shared.Token);
        Assert.False(shared.ApiUrlGiven);
        Assert.Null(shared.Config);
    }
}

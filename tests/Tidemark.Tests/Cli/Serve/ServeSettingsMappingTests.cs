using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Scheduling;
using Tidemark.Configuration;
using Tidemark.Credentials;

namespace Tidemark.Tests.Cli.Serve;

public sealed class ServeSettingsMappingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://tidemark.example:8080", false)]
    public void IsLoopback(string url, bool loopback) => Assert.Equal(loopback, ServeHost.IsLoopback(url));

    [Fact]
    public void RequireAuthentication_NonLoopbackWithoutCredentials_RefusedNamingTheFix()
    {
        var harness = new SchedulerHarness();
        var open = harness.Settings with { Urls = ["http://127.0.0.1:8080", "http://0.0.0.0:8080"] };

        var error = Assert.Throws<ConfigurationException>(() => ServeHost.RequireAuthentication(open));

        Assert.Equal("serve.yaml: listen: http://0.0.0.0:8080 is not a loopback address, and the dashboard would be open to anyone who can reach it; " +
            "set dashboard.bearerToken or dashboard.basic (docs/serve.md), or listen on http://127.0.0.1:PORT", error.Message);
        ServeHost.RequireAuthentication(open with { Dashboard = open.Dashboard with { BearerToken = new("env X", "bearer-value-1") } });
        ServeHost.RequireAuthentication(harness.Settings);
    }

    [Fact]
    public void RunSettings_FromTheRepositoryEntry_OwnWorkFolderSharedStateNoLeaseWait()
    {
        var harness = new SchedulerHarness();
        var settings = harness.Settings with { State = "/var/lib/tidemark/state.db", LeaseDuration = TimeSpan.FromMinutes(7), SecretsDirectory = "/secrets" };
        var entry = settings.Repositories[0] with { Config = "/etc/tidemark/operator.yaml", ApiUrl = new Uri("https://ghe.example/api/v3/"), DryRun = true, Token = new FileToken("/run/token") };

        var run = ServeRuns.Settings(settings, new ReconcileRequest(entry, "webhook", Refresh: true));
        var shared = ServeRuns.Settings(settings, new ReconcileRequest(settings.Repositories[0], "schedule", Refresh: false));

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

using Tidemark.Cli.Serve.Dashboard;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;

namespace Tidemark.Tests.Serve.Dashboard;

public sealed class DashboardAccessRulesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("https://127.0.0.1", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://10.0.0.4:8080", false)]
    [InlineData("http://tidemark.internal:8080", false)]
    [InlineData("http://localhost.evil.invalid:8080", false)]
    public void IsLoopbackUrl_OnlyLoopbackAddressesAndLocalhost(string url, bool loopback)
    {
        Assert.Equal(loopback, DashboardAccess.IsLoopbackUrl(url));
    }

    [Fact]
    public void Validate_BeyondLoopbackWithoutCredentials_RefusesNamingTheFileTheUrlAndTheFix()
    {
        var settings = Settings(["http://127.0.0.1:8080", "http://0.0.0.0:8080"], new DashboardSettings(null, null, null, null));

        var error = Assert.Throws<ConfigurationException>(() => DashboardAccess.Validate(settings));

        Assert.Equal("/etc/tidemark/serve.yaml: the service listens on http://0.0.0.0:8080, beyond loopback, and the dashboard has no credentials; set "
            + "dashboard.bearerToken ({file: PATH} or {env: NAME}) or dashboard.basic (user and password), or listen on http://127.0.0.1 only", error.Message);
    }

    [Fact]
    public void Validate_AnAdminTokenAloneIsNoCredential_BeyondLoopback()
    {
        var settings = Settings(["http://0.0.0.0:8080"], new DashboardSettings(new SecretSetting("env A", "admin"), null, null, null));

        Assert.NotNull(DashboardAccess.Problem(settings));
    }

    [Fact]
    public void Validate_BasicUserWithoutPassword_Refused()
    {
        var settings = Settings(["http://127.0.0.1:8080"], new DashboardSettings(null, null, "ops", null));

        Assert.Contains("dashboard.basic needs both user and password", DashboardAccess.Problem(settings));
    }

    [Fact]
    public void Validate_BeyondLoopbackWithBearerOrBasic_OrLoopbackWithout_Passes()
    {
        DashboardAccess.Validate(Settings(["http://0.0.0.0:8080"], new DashboardSettings(null, new SecretSetting("env B", "bearer"), null, null)));
        DashboardAccess.Validate(Settings(["http://0.0.0.0:8080"], new DashboardSettings(null, null, "ops", new SecretSetting("env P", "password"))));
        DashboardAccess.Validate(Settings(["http://127.0.0.1:8080", "http://[::1]:8080"], new DashboardSettings(null, null, null, null)));
        Assert.Null(DashboardAccess.Problem(Settings(["http://localhost:8080"], new DashboardSettings(null, null, null, null))));
    }

    private static ServiceSettings Settings(IReadOnlyList<string> urls, DashboardSettings dashboard) =>
        new("/etc/tidemark/serve.yaml", urls, null, "/tmp/work", ServiceLogFormat.Json, 4, new EnvToken("GITHUB_TOKEN"), [],
            new WebhookSettings(null, new Dictionary<string, SecretSetting>()), dashboard);
}

using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;

namespace Tidemark.Tests.Configuration.Service;

public sealed class ServiceSettingsLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tidemark-serve-settings-").FullName;
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);
    private readonly Redactor redactor = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_EveryKey_IntoTheSettings()
    {
        File.WriteAllText(Path.Combine(folder, "distribution"), "dist-secret-1\n");
        variables["HOOK_SECRET"] = "gh-hook-secret-1";
        variables["ADMIN"] = "admin-secret-1";
        variables["DASH_PW"] = "dash-pw-1";
        var settings = Load("""
            listen: ["http://0.0.0.0:8080", "http://127.0.0.1:9090"]
            state: postgres://tidemark@db:5432/tidemark
            workDir: work
            log: text
            maxConcurrentRuns: 2
            shutdownTimeout: 45s
            leaseDuration: 20m
            secretsDir: secrets
            token: { file: /var/run/secrets/tidemark/github-token }
            repositories:
              - url: https://github.com/acme/fleet
                interval: 2m
                config: operator.yaml
                apiUrl: https://ghe.example/api/v3/
                dryRun: true
                token: { env: FLEET_TOKEN }
              - url: https://github.com/acme/other.git
            webhooks:
              github: { secret: { env: HOOK_SECRET } }
              registries:
                distribution: { secret: { file: distribution } }
            dashboard:
              adminToken: { env: ADMIN }
              bearerToken: { env: ADMIN }
              basic: { user: ops, password: { env: DASH_PW } }
            """);

        Assert.Equal(["http://0.0.0.0:8080", "http://127.0.0.1:9090"], settings.Urls);
        Assert.Equal("postgres://tidemark@db:5432/tidemark", settings.State);
        Assert.Equal(Path.Combine(folder, "work"), settings.WorkDirectory);
        Assert.Equal(Path.Combine(folder, "secrets"), settings.SecretsDirectory);
        Assert.Equal(ServiceLogFormat.Text, settings.LogFormat);
        Assert.Equal(2, settings.MaxConcurrentRuns);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromMinutes(20), settings.LeaseDuration);
        Assert.Equal(new FileToken("/var/run/secrets/tidemark/github-token"), settings.Token with { Place = new FileToken("x").Place });
        var fleet = settings.Repositories[0];
        Assert.True(fleet.Enabled, fleet.Error);
        Assert.Equal("acme/fleet", fleet.Name);
        Assert.Equal(TimeSpan.FromMinutes(2), fleet.Interval);
        Assert.Equal(Path.Combine(folder, "operator.yaml"), fleet.Config);
        Assert.Equal(new Uri("https://ghe.example/api/v3/"), fleet.ApiUrl);
        Assert.True(fleet.DryRun);
        Assert.Equal("FLEET_TOKEN", Assert.IsType<EnvToken>(fleet.Token).Variable);
        Assert.Equal(new SourcePlace("serve.yaml", 11, 5), fleet.Place);
        var other = settings.Repositories[1];
        Assert.Equal(("acme/other", ServiceSettingsLoader.DefaultInterval, (TokenSpec?)null, false), (other.Name, other.Interval, other.Token, other.DryRun));
        Assert.Equal("gh-hook-secret-1", settings.Webhooks.GitHub!.Value);
        Assert.Equal("env HOOK_SECRET", settings.Webhooks.GitHub.ToString());
        Assert.Equal("dist-secret-1", settings.Webhooks.Registries["distribution"].Value);
        Assert.Equal(("admin-secret-1", "ops", "dash-pw-1"), (settings.Dashboard.AdminToken!.Value, settings.Dashboard.BasicUser, settings.Dashboard.BasicPassword!.Value));
        Assert.Equal("[REDACTED] [REDACTED] [REDACTED] [REDACTED]", redactor.Redact("gh-hook-secret-1 dist-secret-1 admin-secret-1 dash-pw-1"));
    }

    [Fact]
    public void Load_Defaults()
    {
        var settings = Load("repositories: []\n");

        Assert.Equal([ServiceSettingsLoader.DefaultUrl], settings.Urls);
        Assert.Null(settings.State);
        Assert.Equal(Path.GetFullPath("tidemark-work"), settings.WorkDirectory);
        Assert.Equal((ServiceLogFormat.Json, 4, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15)), (settings.LogFormat, settings.MaxConcurrentRuns, settings.ShutdownTimeout, settings.LeaseDuration));
        Assert.Equal("GITHUB_TOKEN", Assert.IsType<EnvToken>(settings.Token).Variable);
        Assert.Empty(settings.Repositories);
        Assert.Null(settings.Webhooks.GitHub);
        Assert.Null(settings.Dashboard.BearerToken);
    }

    [Theory]
    [InlineData("listen: [\"tcp://127.0.0.1:8080\"]\n", "serve.yaml:1:9", "is not an http:// URL")]
    [InlineData("listen: [\"http://127.0.0.1\"]\n", "serve.yaml:1:9", "has no port")]
    [InlineData("listen: [\"http://[::1]\"]\n", "serve.yaml:1:9", "has no port")]
    [InlineData("repositories: []\nlistne: x\n", "serve.yaml:2:1", "listne: unknown setting")]
    [InlineData("maxConcurrentRuns: 0\n", "serve.yaml:1:20", "expected a whole number from 1 to 64")]
    [InlineData("log: xml\n", "serve.yaml:1:6", "\"xml\" is not a log format")]
    [InlineData("shutdownTimeout: soon\n", "serve.yaml:1:18", "not a duration")]
    [InlineData("token: ghp_notreal\n", "serve.yaml:1:8", "not a value")]
    [InlineData("webhooks:\n  github: { secret: { env: MISSING_SECRET } }\n", "serve.yaml:2:28", "the variable MISSING_SECRET is not set or empty")]
    [InlineData("webhooks:\n  github: { secret: { file: nothere } }\n", "serve.yaml:2:29", "no such file")]
    [InlineData("webhooks:\n  github: { secret: plain-text }\n", "serve.yaml:2:21", "not a value")]
    [InlineData("webhooks:\n  registries:\n    gitea: { secret: { env: X } }\n", "serve.yaml:3:5", "unknown registry sender")]
    [InlineData("dashboard:\n  basic: { user: ops }\n", "serve.yaml:2:10", "need both user and password")]
    [InlineData("repositories: [\n", "serve.yaml:", "not valid YAML")]
    [InlineData("- a\n- b\n", "serve.yaml:1:1", "expected a mapping at the top level")]
    public void Load_ServiceWideError_IsFatalNamingThePlace(string yaml, string place, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(yaml));

        Assert.Contains(place, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_notreal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_NamesItAndTheFix()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => ServiceSettingsLoader.LoadAsync(Path.Combine(folder, "none.yaml"), Variable, redactor, default));

        Assert.Contains("none.yaml: no such file; give the service settings file with --config", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - interval: 5m\n", "repositories[0].url: a repository needs its url")]
    [InlineData("  - url: http://github.com/acme/fleet\n", "must use https://")]
    [InlineData("  - url: https://github.com/acme/fleet\n    interval: often\n", "serve.yaml:3:15: error: repositories[0].interval: \"often\" is not a duration")]
    [InlineData("  - url: https://github.com/acme/fleet\n    interval: 1s\n", "of at least 10s")]
    [InlineData("  - url: https://github.com/acme/fleet\n    token: { env: A, file: B }\n", "names 2 token sources")]
    [InlineData("  - url: https://github.com/acme/fleet\n    intervall: 5m\n", "repositories[0].intervall: unknown setting")]
    [InlineData("  - just-a-string\n", "expected a mapping with url:")]
    public void Load_BadRepositoryEntry_DisablesOnlyThatEntry(string entry, string message)
    {
        var settings = Load($"repositories:\n{entry}  - url: https://github.com/acme/good\n");

        Assert.Equal(2, settings.Repositories.Count);
        Assert.False(settings.Repositories[0].Enabled);
        Assert.Contains(message, settings.Repositories[0].Error, StringComparison.Ordinal);
        Assert.Contains("serve.yaml:", settings.Repositories[0].Error, StringComparison.Ordinal);
        Assert.True(settings.Repositories[1].Enabled, settings.Repositories[1].Error);
    }

    [Fact]
    public void Load_SameRepositoryTwice_TheSecondIsDisabledNamingTheFirst()
    {
        var settings = Load("repositories:\n  - url: https://github.com/acme/fleet\n  - url: https://github.com/ACME/fleet.git\n");

        Assert.True(settings.Repositories[0].Enabled);
        Assert.Equal("serve.yaml:3:5: error: repositories[1].url: acme/fleet is already listed at serve.yaml:2:5 (remove one of the two entries)", settings.Repositories[1].Error);
    }

    [Fact]
    public void Load_SecretFromAMountedSecretFolder_ReadsItsKey()
    {
        var mounted = Directory.CreateDirectory(Path.Combine(folder, "hook")).FullName;
        File.WriteAllText(Path.Combine(mounted, "secret"), "from-folder-1");
        File.WriteAllText(Path.Combine(mounted, "other"), "x");

        var settings = Load("webhooks:\n  registries:\n    quay: { secret: { file: hook } }\n");

        Assert.Equal("from-folder-1", settings.Webhooks.Registries["quay"].Value);
        Assert.Equal($"file {mounted}", settings.Webhooks.Registries["quay"].ToString());
    }

    [Fact]
    public void Load_SecretFolderWithSeveralKeys_TakesSecretThenTokenThenPassword()
    {
        var mounted = Directory.CreateDirectory(Path.Combine(folder, "keys")).FullName;
        File.WriteAllText(Path.Combine(mounted, "password"), "from-password-1");
        File.WriteAllText(Path.Combine(mounted, "token"), "from-token-1");

        Assert.Equal("from-token-1", Load("webhooks:\n  registries:\n    quay: { secret: { file: keys } }\n").Webhooks.Registries["quay"].Value);
        File.WriteAllText(Path.Combine(mounted, "secret"), "from-secret-1");
        Assert.Equal("from-secret-1", Load("webhooks:\n  registries:\n    quay: { secret: { file: keys } }\n").Webhooks.Registries["quay"].Value);
    }

    [Fact]
    public void Load_SecretFileOver64KiB_IsFatalWithoutReadingIt()
    {
        File.WriteAllText(Path.Combine(folder, "huge"), new string('x', 70_000));

        var error = Assert.Throws<ConfigurationException>(() => Load("webhooks:\n  github: { secret: { file: huge } }\n"));

        Assert.Contains("serve.yaml:2:29", error.Message, StringComparison.Ordinal);
        Assert.Contains("is 70000 bytes, too big to be a secret", error.Message, StringComparison.Ordinal);
    }

    private ServiceSettings Load(string yaml) => ServiceSettingsLoader.Load(yaml, "serve.yaml", folder, Variable, redactor);

    private string? Variable(string name) => variables.GetValueOrDefault(name);
}

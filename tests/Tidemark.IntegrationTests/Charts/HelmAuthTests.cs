using System.Text.Json;
using Tidemark.Credentials;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Registries;
using Tidemark.Testing.Helm;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// Basic auth for an HTTP Helm repository from the Secret its HelmRepository names (<c>spec.secretRef</c>), mounted
/// under <c>--secrets-dir</c>, against a real HTTP Helm repository that requires it.
/// </summary>
public sealed class HelmAuthTests : IAsyncLifetime
{
    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-helmauth-").FullName;
    private readonly string secrets = Directory.CreateTempSubdirectory("tidemark-helmauth-secrets-").FullName;
    private readonly string password = "pw-" + Guid.NewGuid().ToString("N");
    private HelmRepositoryServer helm = null!;

    public async Task InitializeAsync()
    {
        helm = await HelmRepositoryServer.StartAsync([("redis", "18.1.0"), ("redis", "18.6.4"), ("redis", "19.0.0")]);
        helm.RequireBasic = ("robot", password);
        Directory.CreateDirectory(Path.Combine(repo, "apps"));
        await File.WriteAllTextAsync(Path.Combine(repo, "apps", "redis.yaml"), $"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: private
              namespace: flux-system
            spec:
              url: {helm.Url}
              secretRef:
                name: private-charts
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: redis
              namespace: apps
            spec:
              chart:
                spec:
                  chart: redis
                  version: 18.1.0
                  sourceRef:
                    kind: HelmRepository
                    name: private
                    namespace: flux-system

            """);
    }

    public async Task DisposeAsync()
    {
        await helm.DisposeAsync();
        Directory.Delete(repo, recursive: true);
        Directory.Delete(secrets, recursive: true);
    }

    private void MountSecret(string? passwordValue)
    {
        var folder = Directory.CreateDirectory(Path.Combine(secrets, "private-charts")).FullName;
        File.WriteAllText(Path.Combine(folder, "username"), "robot");
        if (passwordValue is not null)
        {
            File.WriteAllText(Path.Combine(folder, "password"), passwordValue);
        }
    }

    [Fact]
    public async Task Plan_SecretMounted_FindsTheVersionsWithBasicAuth()
    {
        MountSecret(password);

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--secrets-dir", secrets, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var change = Assert.Single(json.GetProperty("changes").EnumerateArray());
        Assert.Equal(("18.1.0", "18.6.4"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal(0, helm.Refused);
        Assert.DoesNotContain(password, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SecretNotMounted_FailsUnauthorizedNamingTheSecretAndSendsNothing()
    {
        var run = await CliRun.RunAsync("plan", "--repo", repo, "--secrets-dir", secrets, "--output", "json");

        var output = run.Out + run.Error;
        Assert.Contains("Secret private-charts is not mounted", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(secrets, "private-charts"), output, StringComparison.Ordinal);
        Assert.Contains("--secrets-dir", output, StringComparison.Ordinal);
        Assert.Contains("unauthorized", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task Plan_WrongPassword_Fails401NamingTheSecretWithoutThePassword()
    {
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        MountSecret(wrong);

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--secrets-dir", secrets, "--output", "json");

        var output = run.Out + run.Error;
        Assert.Contains("answered 401", output, StringComparison.Ordinal);
        Assert.Contains("Secret private-charts", output, StringComparison.Ordinal);
        Assert.Equal(1, helm.Refused);
        Assert.DoesNotContain(wrong, output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelmIndexClient_SecretKeyMissing_NamesThePathAndSendsNothing()
    {
        MountSecret(null);
        var url = helm.Url.ToString();
        using var client = HelmIndexClient.Create(secrets: new HelmRepositorySecrets(secrets, new Dictionary<string, string> { [url.TrimEnd('/')] = "private-charts" }, new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Contains($"Secret private-charts has no key password ({Path.Combine(secrets, "private-charts", "password")} does not exist)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task HelmIndexClient_PlainHttpOffLoopback_NeverSendsTheCredentials()
    {
        MountSecret(password);
        const string url = "http://charts.example/private";
        using var client = HelmIndexClient.Create(
            settingsFor: h => new RegistrySettings(h, Insecure: true),
            secrets: new HelmRepositorySecrets(secrets, new Dictionary<string, string> { [url] = "private-charts" }, new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Contains("the credentials of Secret private-charts are sent over https:// only", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task HelmIndexClient_SecretNameOutsideTheSecretsFolder_IsRefusedBeforeAnyFileIsRead()
    {
        MountSecret(password);
        var nested = Directory.CreateDirectory(Path.Combine(secrets, "private-charts", "nested")).FullName; // nested/.. holds username and password
        var url = helm.Url.ToString();
        using var client = HelmIndexClient.Create(secrets: new HelmRepositorySecrets(nested, new Dictionary<string, string> { [url.TrimEnd('/')] = ".." }, new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Contains("spec.secretRef.name \"..\" is not a Kubernetes object name", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task HelmIndexClient_RedirectToAnotherOrigin_DropsTheCredentials()
    {
        MountSecret(password);
        await using var elsewhere = await HelmRepositoryServer.StartAsync([("redis", "18.6.4")]);
        elsewhere.RequireBasic = ("robot", password);
        helm.RedirectTo = elsewhere.Url;
        var url = helm.Url.ToString();
        using var client = HelmIndexClient.Create(secrets: new HelmRepositorySecrets(secrets, new Dictionary<string, string> { [url.TrimEnd('/')] = "private-charts" }, new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Equal(0, helm.Refused);
        Assert.Equal(1, elsewhere.Refused);
    }
}

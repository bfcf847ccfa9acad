using System.Text.Json;
using Tidemark.Credentials;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Registries;
using Tidemark.Testing.Helm;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// Basic auth for an HTTP Helm repository from the Secret its HelmRepository names (<c>spec.secretRef</c>), mounted
/// under <c>--secrets-dir</c> and bound to hosts by the operator (<c>registries[].helmSecrets</c> in <c>--config</c>),
/// against a real HTTP Helm repository that requires it.
/// </summary>
public sealed class HelmAuthTests : IAsyncLifetime
{
    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-helmauth-").FullName;
    private readonly string secrets = Directory.CreateTempSubdirectory("tidemark-helmauth-secrets-").FullName;
    private readonly string password = "pw-" + Guid.NewGuid().ToString("N");
    private readonly string config = Path.Combine(Path.GetTempPath(), $"tidemark-helmauth-operator-{Guid.NewGuid():N}.yaml");
    private HelmRepositoryServer helm = null!;

    public async Task InitializeAsync()
    {
        helm = await HelmRepositoryServer.StartAsync([("redis", "18.1.0"), ("redis", "18.6.4"), ("redis", "19.0.0")]);
        helm.RequireBasic = ("robot", password);
        Directory.CreateDirectory(Path.Combine(repo, "apps"));
        await File.WriteAllTextAsync(Path.Combine(repo, "apps", "redis.yaml"), PrivateRelease($"url: {helm.Url}", "private-charts", "redis", "18.1.0"));
    }

    /// <summary>
    /// HelmRepository <c>flux-system/private</c> at line 1 (its <c>spec</c> lines <paramref name="spec"/>, and a
    /// <c>secretRef</c> naming <paramref name="secret"/>), and a HelmRelease of <paramref name="chart"/> <paramref name="version"/> from it.
    /// </summary>
    internal static string PrivateRelease(string spec, string? secret, string chart, string version) => $"""
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: private
          namespace: flux-system
        spec:
        {string.Concat(spec.Split('\n').Select(line => "  " + line + "\n"))}{(secret is null ? "" : $"  secretRef:\n    name: {secret}\n")}---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: {chart}
          namespace: apps
        spec:
          chart:
            spec:
              chart: {chart}
              version: {version}
              sourceRef:
                kind: HelmRepository
                name: private
                namespace: flux-system

        """;

    public async Task DisposeAsync()
    {
        await helm.DisposeAsync();
        Directory.Delete(repo, recursive: true);
        Directory.Delete(secrets, recursive: true);
        File.Delete(config);
    }

    /// <summary>The operator's --config: one registries entry for <paramref name="host"/> listing <paramref name="helmSecrets"/>.</summary>
    private string WriteOperatorConfig(string host, string helmSecrets)
    {
        File.WriteAllText(config, $"version: 1\nregistries:\n  - host: \"{host}\"\n    helmSecrets: {helmSecrets}\n");
        return config;
    }

    /// <summary>Settings that list Secret private-charts for the test repository's host only.</summary>
    private RegistrySettings Listing(string host) =>
        new(host, HelmSecrets: host == helm.Url.Authority ? ["private-charts"] : null);

    private static Dictionary<string, HelmSecretReference> SecretAt(string url, string secret = "private-charts") =>
        new() { [url.TrimEnd('/')] = new HelmSecretReference(secret, "apps/redis.yaml:1") };

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
    public async Task Plan_SecretListedForTheHost_FindsTheVersionsAndThePasswordIsInNoOutput()
    {
        MountSecret(password);
        var settings = WriteOperatorConfig(helm.Url.Authority, "[private-charts]");
        string? Trace(string name) => name == "TIDEMARK_LOG_LEVEL" ? "Trace" : null; // every log line, on standard error

        var json = await CliRun.RunAsync(Trace, "plan", "--repo", repo, "--config", settings, "--secrets-dir", secrets, "--output", "json");
        var text = await CliRun.RunAsync(Trace, "plan", "--repo", repo, "--config", settings, "--secrets-dir", secrets);

        Assert.True(json.ExitCode == 0, json.Error + json.Out);
        var change = Assert.Single(JsonDocument.Parse(json.Out).RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal(("18.1.0", "18.6.4"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.True(text.ExitCode == 0, text.Error + text.Out);
        Assert.Contains("18.6.4", text.Out, StringComparison.Ordinal);
        Assert.Equal(0, helm.Refused);
        Assert.Equal(2, helm.RequestsFor("/charts/index.yaml"));
        Assert.DoesNotContain(password, json.Out + json.Error + text.Out + text.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SecretNotListedForTheHost_FailsUnauthorizedWithTheFixAndSendsNoRequest()
    {
        MountSecret(password);
        var settings = WriteOperatorConfig(helm.Url.Authority, "[other-charts]");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", settings, "--secrets-dir", secrets, "--output", "json");

        var output = run.Out + run.Error;
        Assert.Contains("apps/redis.yaml:1", output, StringComparison.Ordinal);
        Assert.Contains($"add helmSecrets: [private-charts] to the registries entry for host {helm.Url.Authority} in the operator's --config", output, StringComparison.Ordinal);
        Assert.Contains("unauthorized", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, helm.Requests);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NoOperatorConfig_SendsTheMountedSecretNowhere()
    {
        MountSecret(password);

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--secrets-dir", secrets, "--output", "json");

        Assert.Contains($"add helmSecrets: [private-charts] to the registries entry for host {helm.Url.Authority}", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(0, helm.Requests);
    }

    [Fact]
    public async Task Plan_SecretListedForAnotherHostOnly_IsRefusedWithoutARequest()
    {
        MountSecret(password);
        await using var other = await HelmRepositoryServer.StartAsync([("redis", "18.6.4")]);
        var settings = WriteOperatorConfig(other.Url.Authority, "[private-charts]");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", settings, "--secrets-dir", secrets, "--output", "json");

        Assert.Contains($"add helmSecrets: [private-charts] to the registries entry for host {helm.Url.Authority}", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(0, helm.Requests);
        Assert.Equal(0, other.Requests);
    }

    [Fact]
    public async Task Plan_SecretNotMounted_FailsUnauthorizedNamingTheSecretAndSendsNothing()
    {
        var settings = WriteOperatorConfig(helm.Url.Authority, "[private-charts]");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", settings, "--secrets-dir", secrets, "--output", "json");

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
        var settings = WriteOperatorConfig(helm.Url.Authority, "[private-charts]");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", settings, "--secrets-dir", secrets, "--output", "json");

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
        using var client = HelmIndexClient.Create(settingsFor: Listing, secrets: new HelmRepositorySecrets(secrets, SecretAt(url), new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Contains($"Secret private-charts has no key password ({Path.Combine(secrets, "private-charts", "password")} does not exist)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task HelmIndexClient_SecretNotListedForTheHost_IsRefusedBeforeTheSecretIsRead()
    {
        // not mounted: had the Secret been read first, the failure would say it is not mounted
        var url = helm.Url.ToString();
        using var client = HelmIndexClient.Create(
            settingsFor: h => new RegistrySettings(h, HelmSecrets: ["other-charts"]),
            secrets: new HelmRepositorySecrets(secrets, SecretAt(url), new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Equal($"Helm repository {url.TrimEnd('/')}: its HelmRepository (apps/redis.yaml:1) names Secret private-charts in spec.secretRef, which the operator has not allowed for host {helm.Url.Authority}, so nothing is sent; add helmSecrets: [private-charts] to the registries entry for host {helm.Url.Authority} in the operator's --config", failure.Message);
        Assert.Equal(0, helm.Requests);
    }

    [Fact]
    public async Task HelmIndexClient_PlainHttpOffLoopback_NeverSendsTheCredentials()
    {
        MountSecret(password);
        const string url = "http://charts.example/private";
        using var client = HelmIndexClient.Create(
            settingsFor: h => new RegistrySettings(h, Insecure: true, HelmSecrets: ["private-charts"]),
            secrets: new HelmRepositorySecrets(secrets, SecretAt(url), new Redactor()));

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
        using var client = HelmIndexClient.Create(settingsFor: Listing, secrets: new HelmRepositorySecrets(nested, SecretAt(url, ".."), new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Contains("its HelmRepository (apps/redis.yaml:1) spec.secretRef.name \"..\" is not a Kubernetes object name", failure.Message, StringComparison.Ordinal);
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
        using var client = HelmIndexClient.Create(settingsFor: Listing, secrets: new HelmRepositorySecrets(secrets, SecretAt(url), new Redactor()));

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(url, "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, failure.Kind);
        Assert.Equal(0, helm.Refused);
        Assert.Equal(1, elsewhere.Refused);
    }
}

using Tidemark.Credentials;
using Tidemark.Registries;

namespace Tidemark.Tests.Charts;

public sealed class HelmRepositorySecretsTests : IDisposable
{
    private readonly string _secrets = Directory.CreateTempSubdirectory("tidemark-helm-secrets-").FullName;

    public void Dispose() => Directory.Delete(_secrets, recursive: true);

    [Fact]
    public void Read_APasswordFileEndingInANewline_IsRedactedAsWrittenTrimmedAndWithTheUser()
    {
        var password = "hunter2-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Path.Combine(_secrets, "private-charts"));
        File.WriteAllText(Path.Combine(_secrets, "private-charts", "username"), "robot");
        File.WriteAllText(Path.Combine(_secrets, "private-charts", "password"), password + "\n");
        var redactor = new Redactor();
        var url = "https://charts.example.com/stable";
        var secrets = new HelmRepositorySecrets(_secrets, new Dictionary<string, HelmSecretReference> { [url] = new("private-charts", "helm.yaml:1") }, redactor);

        var credential = secrets.Read(secrets.SecretFor(url)!, new Uri(url + "/index.yaml"), url, new RegistrySettings("charts.example.com", HelmSecrets: ["private-charts"]));

        Assert.Equal("robot", credential.Username);
        Assert.Equal($"echo {Redactor.Placeholder} back", redactor.Redact($"echo {password} back"));
        Assert.DoesNotContain(password, redactor.Redact($"robot:{password}"), StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialScope_AHelmRepositoryWithASecret_IsThatSecret_OthersNone()
    {
        var url = "https://charts.example.com/stable";
        var secrets = new HelmRepositorySecrets(_secrets, new Dictionary<string, HelmSecretReference> { [url] = new("private-charts", "helm.yaml:1") }, new Redactor());
        using var charts = HelmIndexClient.Create(secrets: secrets);
        using var registry = RegistryClient.Create(new RegistryClientOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        ITagSource artifacts = new ArtifactTagSource(registry, charts);

        Assert.Equal("helm secret " + Path.Combine(_secrets, "private-charts"), artifacts.CredentialScope(new RegistryRepository(url, "web")));
        Assert.Null(artifacts.CredentialScope(new RegistryRepository("https://charts.example.com/public", "web")));
        Assert.Null(artifacts.CredentialScope(new RegistryRepository("ghcr.io", "org/app")));
    }
}

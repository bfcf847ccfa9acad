using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class RegistryHostTests
{
    [Theory]
    [InlineData("docker.io", false, "https://registry-1.docker.io/")]
    [InlineData("index.docker.io", false, "https://registry-1.docker.io/")]
    [InlineData("quay.io", false, "https://quay.io/")]
    [InlineData("registry.example.com:8443", false, "https://registry.example.com:8443/")]
    [InlineData("registry.example.com:5000", true, "http://registry.example.com:5000/")]
    [InlineData("127.0.0.1:5000", false, "http://127.0.0.1:5000/")]
    [InlineData("127.1.2.3:5000", false, "http://127.1.2.3:5000/")]
    [InlineData("localhost:5000", false, "http://localhost:5000/")]
    [InlineData("[::1]:5000", false, "http://[::1]:5000/")]
    [InlineData("10.0.0.1:5000", false, "https://10.0.0.1:5000/")]
    public void BaseUri_HttpsUnlessLoopbackOrInsecure(string registry, bool insecure, string expected) =>
        Assert.Equal(new Uri(expected), RegistryHost.BaseUri(registry, insecure));

    [Theory]
    [InlineData("127.0.0.1:5000", false, false, true)]
    [InlineData("127.0.0.1:5000", false, true, false)]
    [InlineData("charts.example", true, false, true)]
    [InlineData("charts.example", true, true, false)]
    [InlineData("charts.example", false, false, false)]
    public void AllowsPlainHttp_OneRuleForRegistriesAndHelmRepositories(string host, bool insecure, bool caBundle, bool expected)
    {
        var settings = new RegistrySettings(host, insecure, caBundle ? "/operator/ca.pem" : null);

        Assert.Equal(expected, RegistryHost.AllowsPlainHttp(host, settings));
        Assert.Equal(expected ? "http" : "https", RegistryHost.BaseUri(host, insecure, requireTls: caBundle).Scheme);
    }

    [Theory]
    [InlineData("quay.io/path")]
    [InlineData("https://quay.io")]
    public void BaseUri_NotAHost_Throws(string registry) =>
        Assert.Throws<RegistryException>(() => RegistryHost.BaseUri(registry, insecure: false));

    [Theory]
    [InlineData("https://index.docker.io/v1/", "docker.io")]
    [InlineData("registry-1.docker.io", "docker.io")]
    [InlineData("http://localhost:5000/v2/", "localhost:5000")]
    [InlineData("Quay.IO", "quay.io")]
    public void Canonical_ConfigKeysAndHosts(string value, string expected) => Assert.Equal(expected, RegistryHost.Canonical(value));
}

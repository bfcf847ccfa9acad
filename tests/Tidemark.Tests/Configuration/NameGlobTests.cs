using Tidemark.Configuration;

namespace Tidemark.Tests.Configuration;

public sealed class NameGlobTests
{
    [Theory]
    [InlineData("quay.io/jetstack/cert-manager-*", "quay.io/jetstack/cert-manager-webhook", true)]
    [InlineData("quay.io/jetstack/*", "quay.io/jetstack/a/b", false)]
    [InlineData("quay.io/**", "quay.io/jetstack/a/b", true)]
    [InlineData("nginx", "nginx", true)]
    [InlineData("nginx", "nginx-exporter", false)]
    [InlineData("*/nginx", "bitnami/nginx", true)]
    [InlineData("app-?", "app-1", true)]
    [InlineData("app-?", "app-12", false)]
    [InlineData("*", "a/b", false)]
    [InlineData("**", "a/b", true)]
    public void IsMatch_GlobAndName_MatchesWholeNames(string glob, string name, bool expected)
    {
        Assert.Equal(expected, NameGlob.IsMatch(glob, name));
    }
}

using Tidemark.Images;

namespace Tidemark.Tests.Images;

public sealed class ReferenceParserTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("nginx", "docker.io/library/nginx", "nginx")]
    [InlineData("nginx:1.25.3", "docker.io/library/nginx:1.25.3", "nginx:1.25.3")]
    [InlineData("library/nginx:1.25.3", "docker.io/library/nginx:1.25.3", "nginx:1.25.3")]
    [InlineData("docker.io/nginx:1.25.3", "docker.io/library/nginx:1.25.3", "nginx:1.25.3")]
    [InlineData("index.docker.io/library/nginx:1.25.3", "docker.io/library/nginx:1.25.3", "nginx:1.25.3")]
    [InlineData("bitnami/redis:7.2", "docker.io/bitnami/redis:7.2", "bitnami/redis:7.2")]
    [InlineData("quay.io/jetstack/cert-manager-controller:v1.16.2", "quay.io/jetstack/cert-manager-controller:v1.16.2", "quay.io/jetstack/cert-manager-controller:v1.16.2")]
    [InlineData("ghcr.io/fluxcd/source-controller:v1.4.1", "ghcr.io/fluxcd/source-controller:v1.4.1", "ghcr.io/fluxcd/source-controller:v1.4.1")]
    [InlineData("localhost/app", "localhost/app", "localhost/app")]
    [InlineData("localhost:5000/team/app:1.0", "localhost:5000/team/app:1.0", "localhost:5000/team/app:1.0")]
    [InlineData("127.0.0.1:5000/app:1.0", "127.0.0.1:5000/app:1.0", "127.0.0.1:5000/app:1.0")]
    [InlineData("[::1]:5000/app:1.0", "[::1]:5000/app:1.0", "[::1]:5000/app:1.0")]
    [InlineData("[2001:db8::1]/app", "[2001:db8::1]/app", "[2001:db8::1]/app")]
    [InlineData("Registry.Example.com/app:1", "Registry.Example.com/app:1", "Registry.Example.com/app:1")]
    [InlineData("a/b__c/d-e/f.g/h--i:_tag.1-x", "docker.io/a/b__c/d-e/f.g/h--i:_tag.1-x", "a/b__c/d-e/f.g/h--i:_tag.1-x")]
    [InlineData("nginx@" + Sha, "docker.io/library/nginx@" + Sha, "nginx@" + Sha)]
    [InlineData("nginx:1.25@" + Sha, "docker.io/library/nginx:1.25@" + Sha, "nginx:1.25@" + Sha)]
    [InlineData("localhost:5000", "docker.io/library/localhost:5000", "localhost:5000")]
    public void Parse_ValidReference_GivesCanonicalAndFamiliarForms(string text, string canonical, string familiar)
    {
        var reference = Parsed(text);

        Assert.Equal(canonical, reference.Canonical);
        Assert.Equal(familiar, reference.Familiar);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("nginx:1.25.3", "docker.io", "library/nginx", "1.25.3", "registry-1.docker.io")]
    [InlineData("index.docker.io/foo/bar", "docker.io", "foo/bar", null, "registry-1.docker.io")]
    [InlineData("quay.io/jetstack/cert-manager-webhook:v1.16.2", "quay.io", "jetstack/cert-manager-webhook", "v1.16.2", "quay.io")]
    [InlineData("localhost:5000/a/b/c:t", "localhost:5000", "a/b/c", "t", "localhost:5000")]
    public void Parse_ValidReference_SplitsRegistryRepositoryAndTag(string text, string registry, string repository, string? tag, string apiHost)
    {
        var reference = Parsed(text);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(apiHost, reference.ApiHost);
    }

    [Theory]
    [InlineData("", "name", "empty")]
    [InlineData("nginx:", "tag", "empty")]
    [InlineData("nginx:-bad", "tag", "must start with")]
    [InlineData("nginx:a+b", "tag", "only letters")]
    [InlineData("Nginx:1.0", "path", "lower case")]
    [InlineData("quay.io/Jetstack/app:1", "path", "lower case")]
    [InlineData("quay.io/a//b:1", "path", "empty component")]
    [InlineData("quay.io/a-/b", "path", "invalid")]
    [InlineData("quay.io/a/b/", "path", "empty component")]
    [InlineData("-bad.io/app", "domain", "not a valid registry host")]
    [InlineData("reg.io:50a0/app", "domain", "invalid port")]
    [InlineData("[::1/app", "domain", "IPv6")]
    [InlineData("[1.2.3.4]/app", "domain", "IPv6")]
    [InlineData("nginx@sha256:abc", "digest", "64 hexadecimal")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef", "digest", "64 hexadecimal")]
    [InlineData("nginx@md5", "digest", "ALGORITHM:HEX")]
    [InlineData("nginx@sha256:zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "digest", "hexadecimal")]
    [InlineData("nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "digest", "lower-case")]
    [InlineData("nginx :1.0", "name", "white space")]
    [InlineData(":1.0", "name", "missing")]
    public void Parse_InvalidReference_NamesThePartAndWhy(string text, string part, string fragment)
    {
        var result = ReferenceParser.Parse(text);

        var invalid = Assert.IsType<ReferenceParseResult.Invalid>(result);
        Assert.Equal(part, invalid.Part);
        Assert.Contains(fragment, invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith($"invalid image reference \"{text}\"", invalid.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TagOf128Characters_IsValidAnd129IsNot()
    {
        Assert.IsType<ReferenceParseResult.Parsed>(ReferenceParser.Parse("app:" + new string('a', 128)));
        var invalid = Assert.IsType<ReferenceParseResult.Invalid>(ReferenceParser.Parse("app:" + new string('a', 129)));
        Assert.Contains("at most 128", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NameLongerThan255_IsInvalid()
    {
        var invalid = Assert.IsType<ReferenceParseResult.Invalid>(ReferenceParser.Parse("quay.io/" + new string('a', 250)));
        Assert.Contains("at most 255", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${IMAGE}")]
    [InlineData("registry.io/app:${TAG}")]
    [InlineData("{{ .Values.image }}")]
    [InlineData("repo/app:{{ .Chart.AppVersion }}")]
    [InlineData("$(IMAGE_REPO)/app:1.0")]
    [InlineData("$IMAGE")]
    public void Parse_TemplateSyntax_IsUnresolvableNotAnError(string text)
    {
        var result = ReferenceParser.Parse(text);

        var unresolvable = Assert.IsType<ReferenceParseResult.Unresolvable>(result);
        Assert.Contains("only known after", unresolvable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NewTagAndDigest_KeepsTheNameAsWritten()
    {
        var reference = Parsed("index.docker.io/library/nginx:1.25.3@" + Sha);

        Assert.Equal("index.docker.io/library/nginx:1.27.0", reference.Write("1.27.0", null));
        Assert.Equal("index.docker.io/library/nginx:1.27.0@" + Sha, reference.Write("1.27.0", Sha));
    }

    private static ImageReference Parsed(string text) =>
        Assert.IsType<ReferenceParseResult.Parsed>(ReferenceParser.Parse(text)).Reference;
}

using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class TagFilterTests
{
    [Theory]
    [InlineData("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", "$ts", "main-3f2a9c1-1712345678", "1712345678")]
    [InlineData("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", "${ts}", "main-3f2a9c1-1712345678", "1712345678")]
    [InlineData("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", "$1", "main-3f2a9c1-1712345678", "1712345678")]
    [InlineData("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", "", "main-3f2a9c1-1712345678", "main-3f2a9c1-1712345678")]
    [InlineData("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", null, "feature-3f2a9c1-1712345678", null)]
    [InlineData("^RELEASE\\.(?P<timestamp>.*)Z$", "$timestamp", "RELEASE.2024-05-01T12-00-00Z", "2024-05-01T12-00-00")]
    [InlineData("v1\\.", null, "xv1.2.3", "xv1.2.3")]
    [InlineData("", null, "anything", "anything")]
    [InlineData("(a)(?P<b>b)(c)", "$1$2$3", "abc", "abc")]
    [InlineData("(a)(?P<b>b)(c)", "$3-$2-$1", "abc", "c-b-a")]
    [InlineData("(?P<x>[0-9]+)", "${x}x", "n42", "42x")]
    [InlineData("(?P<x>[0-9]+)", "$$x=$x", "n42", "$x=42")]
    [InlineData("(?P<x>[0-9]+)", "cost $", "n42", "cost $")]
    [InlineData("(?P<x>[0-9]+)", "$0!", "n42", "42!")]
    [InlineData("^(?P<v>[[:digit:]]+)-[[:alpha:]]+$", "$v", "12-abc", "12")]
    [InlineData("^\\Q1.2+\\E(?P<n>.*)", "$n", "1.2+x", "x")]
    [InlineData("(?P<n>[0-9]+)(?P<s>[a-z]*)?", "$s", "123", "")]
    [InlineData("[(](?P<n>\\d+)\\)", "$1", "x(42)", "42")]
    [InlineData("(?i)^V(?P<n>[0-9.]+)$", "$1", "v1.2", "1.2")]
    [InlineData("^a$", null, "xa", null)]
    public void Apply_GoSyntax_ExtractsLikeFlux(string pattern, string? extract, string tag, string? expected)
    {
        var filter = TagFilter.Create(pattern, extract);

        Assert.True(filter.Succeeded, filter.Error);
        Assert.Equal(expected, filter.Value.Apply(tag));
    }

    [Theory]
    [InlineData("(?P<ts>[0-9]+", null, "invalid filter pattern \"(?P<ts>[0-9]+\"")]
    [InlineData("(?P<ts>[0-9]+)", "$stamp", "refers to $stamp but the pattern has no such group")]
    [InlineData("(?P<ts>[0-9]+)", "$2", "refers to $2")]
    [InlineData("(?P<ts>[0-9]+)", "$1x", "refers to $1x")]
    public void Create_BadPatternOrTemplate_IsAnError(string pattern, string? extract, string fragment)
    {
        var filter = TagFilter.Create(pattern, extract);

        Assert.False(filter.Succeeded);
        Assert.Contains(fragment, filter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SamePatternAndExtract_AreEqual()
    {
        var a = TagFilter.Create("^v1", "").Value;
        var b = TagFilter.Create("^v1", null).Value;

        Assert.Equal(a, b);
        Assert.Null(a!.Extract);
    }
}

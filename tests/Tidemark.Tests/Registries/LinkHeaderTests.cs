using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class LinkHeaderTests
{
    [Theory]
    [InlineData("</v2/app/tags/list?n=100&last=v1.9>; rel=\"next\"", "/v2/app/tags/list?n=100&last=v1.9")]
    [InlineData("</v2/app/tags/list?last=b&n=2>; rel=next", "/v2/app/tags/list?last=b&n=2")]
    [InlineData("<https://ghcr.io/v2/o/a/tags/list?last=x&n=1000>; rel=\"next\"", "https://ghcr.io/v2/o/a/tags/list?last=x&n=1000")]
    [InlineData("</first>; rel=\"prev\", </second>; rel=\"next\"", "/second")]
    [InlineData("</a,b>; rel=\"next\"", "/a,b")]
    [InlineData("</x>; title=\"a, b\"; rel=\"nofollow next\"", "/x")]
    [InlineData("</x>; REL=\"NEXT\"", "/x")]
    public void FindNext_NextRelation_ReturnsItsTarget(string header, string expected) =>
        Assert.Equal(expected, LinkHeader.FindNext(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("</v2/app/tags/list?n=1&last=a>; rel=\"prev\"")]
    [InlineData("/v2/app/tags/list; rel=\"next\"")]
    [InlineData("</v2/app/tags/list>")]
    public void FindNext_NoNextRelation_ReturnsNull(string? header) => Assert.Null(LinkHeader.FindNext(header));
}

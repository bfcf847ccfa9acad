using Tidemark.Forges.GitHub;

namespace Tidemark.Tests.Forges;

public sealed class PullRequestMappingTests
{
    [Theory]
    [InlineData("a\r\nb\n", "a\nb", true)]
    [InlineData(null, "", true)]
    [InlineData("a", "b", false)]
    [InlineData("  a", "a", false)]
    public void SameText_LineEndingsAndTrailingSpaceIgnored(string? current, string wanted, bool same) =>
        Assert.Equal(same, PullRequestMapping.SameText(current, wanted));

    [Fact]
    public void Missing_CaseInsensitiveWithoutDuplicatesOrBlanks() =>
        Assert.Equal(["automerge"], PullRequestMapping.Missing(["Dependencies", "automerge", "AUTOMERGE", " "], ["dependencies"]));
}

using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class VersionOrderTests
{
    [Fact]
    public void Sort_MixedTags_VersionsAscendingThenOthersOrdinal()
    {
        var verdicts = new[] { "latest", "v1.10.0", "v1.9.0", "v2.0.0-rc.1", "main-abc", "v2.0.0", "v1.9.0-beta" }
            .Select(tag => new TagVerdict(tag, Verdict.Lower, ""));

        var sorted = VersionOrder.Sort(verdicts).Select(v => v.Tag);

        Assert.Equal(["v1.9.0-beta", "v1.9.0", "v1.10.0", "v2.0.0-rc.1", "v2.0.0", "latest", "main-abc"], sorted);
    }
}

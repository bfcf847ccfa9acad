using Tidemark.Automation;

namespace Tidemark.Tests.Automation;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Write_OneChangedLine_GivesOneHunkWithThreeLinesOfContext()
    {
        var original = "a\nb\nc\nd\nimage: x:1\ne\nf\ng\nh\n";

        var diff = UnifiedDiff.Write([new FileEdit("f.yaml", original, original.Replace("x:1", "x:2", StringComparison.Ordinal))]);

        Assert.Equal("diff --git a/f.yaml b/f.yaml\n--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-image: x:1\n+image: x:2\n e\n f\n g\n", diff);
    }

    [Fact]
    public void Write_ChangesCloserThanTheContext_AreMergedIntoOneHunk()
    {
        var original = "x:1\na\nb\nx:1\n";

        var diff = UnifiedDiff.Write([new FileEdit("f", original, "x:2\na\nb\nx:2\n")]);

        Assert.Single(diff.Split('\n'), line => line.StartsWith("@@", StringComparison.Ordinal));
        Assert.Contains("@@ -1,4 +1,4 @@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LastLineWithoutNewline_MarksIt()
    {
        var diff = UnifiedDiff.Write([new FileEdit("f", "tag: 1", "tag: 2")]);

        Assert.EndsWith("-tag: 1\n\\ No newline at end of file\n+tag: 2\n\\ No newline at end of file\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CrlfLines_KeepTheirCarriageReturns()
    {
        var diff = UnifiedDiff.Write([new FileEdit("f", "a\r\ntag: 1\r\n", "a\r\ntag: 2\r\n")]);

        Assert.Contains("-tag: 1\r\n+tag: 2\r\n", diff, StringComparison.Ordinal);
    }
}

using Tidemark.Cli.Serve.Dashboard;
using static Tidemark.Cli.Serve.Dashboard.Html;

namespace Tidemark.Tests.Serve.Dashboard;

public sealed class HtmlTests
{
    [Fact]
    public void H_EncodesTextHoles_KeepsLiteralsAndMarkupHoles()
    {
        var image = "ghcr.io/a/<script>alert(\"x\")</script>&'";
        var cell = H($"<td>{image}</td>");

        var row = H($"<tr>{cell}</tr>");

        Assert.Equal("<tr><td>ghcr.io/a/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;</td></tr>", row.Value);
    }

    [Fact]
    public void H_SequencesOfMarkupOfAnyCollectionType_AreJoined_OtherSequencesAreText()
    {
        List<Html> list = [H($"<li>{"a<"}</li>"), H($"<li>b</li>")];
        IEnumerable<Html> lazy = list.Select(h => h);
        string[] texts = ["<b>"];

        Assert.Equal("<ul><li>a&lt;</li><li>b</li></ul>", H($"<ul>{list}</ul>").Value);
        Assert.Equal("<ul><li>a&lt;</li><li>b</li></ul>", H($"<ul>{lazy}</ul>").Value);
        Assert.DoesNotContain("<b>", H($"{texts}").Value);
    }

    [Fact]
    public void H_NonAsciiTextStaysReadable_NumbersAreInvariant()
    {
        Assert.Equal("fine-grained …a1b2 → 1.5", H($"fine-grained …a1b2 → {1.5}").Value);
        Assert.Equal("…a1b2 →", H($"{"…a1b2 →"}").Value);
    }
}

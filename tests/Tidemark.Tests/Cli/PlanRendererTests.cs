using Tidemark.Automation;
using Tidemark.Cli.Rendering;

namespace Tidemark.Tests.Cli;

public sealed class PlanRendererTests
{
    private static readonly UpdateMode Mode = new([UpdateScope.Repository], "every reference found is updated by its policy");

    [Fact]
    public async Task WriteAsync_DiffWithARefusedEdit_WritesTheDiffToStdoutAndTheRefusalToStderr()
    {
        var edit = new FileEdit("apps/web.yaml", "image: nginx:1.25.3\n", "image: nginx:1.27.3\n");
        const string refusal = "apps/other.yaml:4: two edits ask for different values in the same text: the file was left as it is";
        var plan = new Plan([], [], [refusal], [], [edit], []);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        await PlanRenderer.WriteAsync(output, errors, Mode, [plan], "diff", explain: false);

        Assert.Contains("+image: nginx:1.27.3", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("two edits", output.ToString(), StringComparison.Ordinal);
        Assert.Equal($"tidemark: error: {refusal}{Environment.NewLine}", errors.ToString());
    }

    [Fact]
    public async Task WriteAsync_Table_SaysTheModeFirst()
    {
        using var output = new StringWriter();

        await PlanRenderer.WriteAsync(output, TextWriter.Null, Mode, [new Plan([], [], [], [], [], [])], "table", explain: false);

        Assert.StartsWith("Mode: every reference found is updated by its policy", output.ToString(), StringComparison.Ordinal);
    }
}

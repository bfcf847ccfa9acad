using Spectre.Console;
using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>Renders scan results as a table for people or as JSON for programs.</summary>
internal static class ScanRenderer
{
    public static Task WriteAsync(TextWriter writer, IReadOnlyList<ScanResult> results, string format, bool explain) =>
        format == "json" ? JsonOutput.WriteAsync(writer, results.Select(r => ToJson(r, explain)).ToList()) : WriteTableAsync(writer, results, explain);

    private static ScanJson ToJson(ScanResult result, bool explain)
    {
        var reference = result.Request.Reference;
        return new ScanJson(
            result.Request.Image,
            reference.Registry,
            reference.Repository,
            reference.Tag,
            result.Request.Policy.Text,
            result.Listing?.Tags.Count,
            result.Listing?.Excluded,
            result.Selected,
            result.Reason,
            result.Error?.Kind.ToString(),
            SelectionJson.Steps(result.Selection),
            explain ? SelectionJson.Candidates(result.Selection) : null);
    }

    private static Task WriteTableAsync(TextWriter writer, IReadOnlyList<ScanResult> results, bool explain)
    {
        var console = Consoles.For(writer);
        var table = new TextTable(null, "IMAGE", "POLICY", "TAGS", "SELECTED", "WHY") { Highlight = 3 };
        foreach (var result in results)
        {
            var selected = result.Error is not null ? "error" : result.Selected ?? "-";
            table.AddRow(
                result.Request.Image,
                result.Request.Policy.Text,
                result.Listing?.Tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                selected,
                result.Reason);
        }
        table.Write(writer);
        if (explain)
        {
            WriteExplanations(console, results);
        }
        return Task.CompletedTask;
    }

    private static void WriteExplanations(IAnsiConsole console, IReadOnlyList<ScanResult> results)
    {
        foreach (var result in results.Where(r => r.Selection is not null))
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(result.Request.Image)}[/]: {result.Selection!.Candidates} candidate(s)");
            foreach (var step in result.Selection.Steps)
            {
                console.WriteLine($"  - {step.Text}");
            }
            foreach (var verdict in Versions.VersionOrder.Sort(result.Selection.Verdicts))
            {
                console.WriteLine($"    {verdict.Tag,-32} {verdict.Text}");
            }
        }
    }
}

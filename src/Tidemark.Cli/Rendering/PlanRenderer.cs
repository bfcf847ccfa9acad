using Spectre.Console;
using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>Renders a <see cref="Plan"/> as a table, as JSON, or as a unified diff that <c>git apply</c> accepts.</summary>
internal static class PlanRenderer
{
    public static Task WriteAsync(TextWriter writer, Plan plan, string format, bool explain) => format switch
    {
        "json" => JsonOutput.WriteAsync(writer, ToJson(plan, explain)),
        "diff" => writer.WriteAsync(UnifiedDiff.Write(plan.Edits)),
        _ => WriteTable(writer, plan, explain),
    };

    private static PlanJson ToJson(Plan plan, bool explain) => new(
        plan.Changes.Select(c => new ChangeJson(c.Image, c.From, c.To, c.Policy, c.Group, c.Reason, c.Files.Select(f => new PlaceJson(f.File, f.Line)).ToList())).ToList(),
        plan.Unchanged.Select(u => new UnchangedJson(u.Image, u.Current, u.Reason)).ToList(),
        plan.Errors,
        plan.Skipped.Select(s => new SkippedJson(s.File, s.Line, s.Reason)).ToList(),
        explain ? plan.Decisions.Select(Explain).ToList() : null);

    private static ExplainJson Explain(Decision decision) => new(
        decision.Key.Name,
        decision.Key.Tag,
        decision.Policy.Text,
        decision is Decision.Update update ? $"update to {update.To}: {update.Reason}" : $"keep: {((Decision.Keep)decision).Reason}",
        SelectionJson.Steps(decision.Selection),
        SelectionJson.Candidates(decision.Selection));

    private static Task WriteTable(TextWriter writer, Plan plan, bool explain)
    {
        var console = Consoles.For(writer);
        WriteChanges(console, plan);
        WriteUnchanged(console, plan);
        foreach (var skipped in plan.Skipped)
        {
            console.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped.ToString())}");
        }
        foreach (var error in plan.Errors)
        {
            console.MarkupLine($"[red]error[/] {Markup.Escape(error)}");
        }
        if (explain)
        {
            plan.Decisions.ToList().ForEach(d => WriteExplanation(console, d));
        }
        return Task.CompletedTask;
    }

    private static void WriteChanges(IAnsiConsole console, Plan plan)
    {
        if (plan.Changes.Count == 0)
        {
            console.WriteLine("No changes: every image is up to date or held by its policy.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).Title($"{plan.Changes.Count} change(s)").AddColumns("IMAGE", "FROM", "TO", "POLICY", "FILES");
        foreach (var change in plan.Changes)
        {
            var files = string.Join(", ", change.Files.Select(f => $"{f.File}:{f.Line}"));
            var policy = change.Group is null ? change.Policy : $"{change.Policy}, group {change.Group}";
            table.AddRow(Markup.Escape(change.Image), Markup.Escape(change.From), $"[green]{Markup.Escape(change.To)}[/]", Markup.Escape(policy), Markup.Escape(files));
        }
        console.Write(table);
    }

    private static void WriteUnchanged(IAnsiConsole console, Plan plan)
    {
        if (plan.Unchanged.Count == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Simple).Title($"{plan.Unchanged.Count} unchanged").AddColumns("IMAGE", "CURRENT", "WHY");
        foreach (var item in plan.Unchanged)
        {
            table.AddRow(Markup.Escape(item.Image), Markup.Escape(item.Current ?? "-"), Markup.Escape(item.Reason));
        }
        console.Write(table);
    }

    private static void WriteExplanation(IAnsiConsole console, Decision decision)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(decision.Key.ToString())}[/] ({Markup.Escape(decision.Policy.Text)})");
        foreach (var step in decision.Selection?.Steps ?? [])
        {
            console.WriteLine($"  - {step.Text}");
        }
        foreach (var verdict in decision.Selection?.Verdicts ?? [])
        {
            console.WriteLine($"    {verdict.Tag,-32} {verdict.Text}");
        }
    }
}

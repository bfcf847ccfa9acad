using Spectre.Console;
using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// Renders the plans of a repository's scopes (one per Flux ImageUpdateAutomation, or one for the whole repository)
/// as a table, as JSON, or as a unified diff that <c>git apply</c> accepts. The mode in force is said once, first.
/// </summary>
internal static class PlanRenderer
{
    public static async Task WriteAsync(TextWriter writer, TextWriter errors, UpdateMode mode, IReadOnlyList<Plan> plans, string format, bool explain)
    {
        await (format switch
        {
            "json" => JsonOutput.WriteAsync(writer, ToJson(mode, plans, explain)),
            "diff" => WriteDiffAsync(writer, plans),
            _ => WriteTables(writer, mode, plans, explain),
        }).ConfigureAwait(false);
        // Results on stdout, problems on stderr, each once: in a pipe (`plan -o diff | git apply`) nothing is left out silently.
        foreach (var error in plans.SelectMany(p => p.Errors).Distinct())
        {
            await errors.WriteLineAsync($"tidemark: error: {error}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The first thing to say when registries failed: how many images could not be checked, by host and why, e.g.
    /// <c>3 images could not be checked: quay.io (2, unreachable), ghcr.io (1, unauthorized)</c>; null when every image was.
    /// </summary>
    public static string? FailedHeadline(IReadOnlyList<FailedImage> failed)
    {
        if (failed.Count == 0)
        {
            return null;
        }
        var hosts = failed.GroupBy(f => f.Registry, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            $"{g.Key} ({g.Count()}, {string.Join("/", g.Select(f => JsonOutput.EnumName(f.Kind)).Distinct())})");
        return $"{failed.Count} image{(failed.Count == 1 ? "" : "s")} could not be checked: {string.Join(", ", hosts)}";
    }

    private static async Task WriteDiffAsync(TextWriter writer, IReadOnlyList<Plan> plans)
    {
        foreach (var plan in plans)
        {
            await writer.WriteAsync(UnifiedDiff.Write(plan.Edits)).ConfigureAwait(false);
        }
    }

    private static PlanJson ToJson(UpdateMode mode, IReadOnlyList<Plan> plans, bool explain) => new(
        ModeOf(mode),
        [.. plans.SelectMany(ChangesOf)],
        [.. plans.SelectMany(UnchangedOf)],
        [.. plans.SelectMany(FailedOf).DistinctBy(f => f.Image)],
        [.. plans.SelectMany(p => p.Errors).Distinct()],
        [.. plans.SelectMany(p => p.Skipped).Distinct().Select(s => new SkippedJson(s.File, s.Line, s.Reason))],
        explain ? [.. plans.SelectMany(p => p.Decisions).Select(Explain)] : null);

    /// <summary>The mode in force as JSON (shared by <c>plan</c> and <c>run</c>).</summary>
    public static ModeJson ModeOf(UpdateMode mode) =>
        new(mode.IsFlux ? "flux" : "all", mode.Description, [.. mode.Scopes.Select(s => s.Automation).OfType<Configuration.Flux.FluxImageUpdateAutomation>().Select(a =>
            new AutomationJson(a.Namespace, a.Name, a.Place.File, a.Place.Line, "./" + Configuration.RepositoryPaths.Normalize(a.UpdatePath ?? ""), a.UpdateBranch, a.Suspended))]);

    public static IEnumerable<ChangeJson> ChangesOf(Plan plan) =>
        plan.Changes.Select(c => new ChangeJson(c.Image, c.From, c.To, c.Policy, c.Group, c.Reason, [.. c.Files.Select(f => new PlaceJson(f.File, f.Line))], plan.Scope.Automation?.ToString(), c.HeldBack));

    public static IEnumerable<UnchangedJson> UnchangedOf(Plan plan) =>
        plan.Unchanged.Select(u => new UnchangedJson(u.Image, u.Current, u.Reason, u.File, u.File is null ? null : u.Line, u.HeldBack));

    public static IEnumerable<FailedJson> FailedOf(Plan plan) =>
        plan.Failed.Select(f => new FailedJson(f.Image, f.Registry, f.Kind, f.Error));

    /// <summary>Where the policy was written: <c>from clusters/…/policy.yaml:12:1</c>, or <c>the default policy</c>.</summary>
    private static string PolicyFrom(ResolvedPolicy policy) =>
        policy.Spec.Place.Line > 0 ? $"from {policy.Spec.Place}" : policy.Spec.Place.File == "(default)" ? "the default policy" : $"from {policy.Spec.Place.File}";

    private static ExplainJson Explain(Decision decision) => new(
        decision.Key.Name,
        decision.Key.Tag,
        decision.Policy.Text,
        PolicyFrom(decision.Policy),
        decision is Decision.Update update ? $"update to {update.To}: {update.Reason}" : $"keep: {((Decision.Keep)decision).Reason}",
        SelectionJson.Steps(decision.Selection),
        SelectionJson.Candidates(decision.Selection));

    private static Task WriteTables(TextWriter writer, UpdateMode mode, IReadOnlyList<Plan> plans, bool explain)
    {
        var console = Consoles.For(writer);
        if (FailedHeadline([.. plans.SelectMany(p => p.Failed).DistinctBy(f => f.Image)]) is { } headline)
        {
            console.MarkupLine($"[red]{Markup.Escape(headline)}[/] (errors on standard error)");
        }
        console.WriteLine($"Mode: {mode.Description}");
        foreach (var plan in plans)
        {
            if (plan.Scope.Automation is { } automation)
            {
                console.WriteLine();
                var branch = automation.UpdateBranch is { } push ? $", push branch {push}" : "";
                console.WriteLine($"{plan.Scope.Name} (path {plan.Scope.DisplayPath}{branch}){(automation.Suspended ? ": suspended (spec.suspend: true), nothing is changed" : "")}");
            }
            WriteTable(writer, console, plan, explain);
        }
        return Task.CompletedTask;
    }

    private static void WriteTable(TextWriter writer, IAnsiConsole console, Plan plan, bool explain)
    {
        WriteChanges(writer, console, plan);
        WriteUnchanged(writer, plan);
        foreach (var line in ChangeText.HeldBackTexts(plan.HeldBack))
        {
            console.WriteLine("held back: " + line);
        }
        foreach (var skipped in plan.Skipped)
        {
            console.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped.ToString())}");
        }
        if (explain)
        {
            plan.Decisions.ToList().ForEach(d => WriteExplanation(console, d));
        }
    }

    private static void WriteChanges(TextWriter writer, IAnsiConsole console, Plan plan)
    {
        if (plan.Changes.Count == 0)
        {
            console.WriteLine(plan.Failed.Count == 0
                ? "No changes: every image is up to date or held by its policy."
                : $"No changes among the images that were checked ({plan.Failed.Count} could not be).");
            return;
        }
        var table = new TextTable($"{plan.Changes.Count} change(s)", "IMAGE", "FROM", "TO", "POLICY", "FILES") { Highlight = 2 };
        foreach (var change in plan.Changes)
        {
            var files = string.Join(", ", change.Files.Select(f => $"{f.File}:{f.Line}"));
            var policy = change.Group is null ? change.Policy : $"{change.Policy}, group {change.Group}";
            table.AddRow(change.Image, change.From, change.To, policy, files);
        }
        table.Write(writer);
    }

    private static void WriteUnchanged(TextWriter writer, Plan plan)
    {
        if (plan.Unchanged.Count == 0)
        {
            return;
        }
        var table = new TextTable($"{plan.Unchanged.Count} unchanged", "IMAGE", "CURRENT", "WHY");
        foreach (var item in plan.Unchanged)
        {
            var place = item.File is null ? "" : $" ({item.File}:{item.Line})";
            table.AddRow(item.Image, item.Current ?? "-", item.Reason + place);
        }
        table.Write(writer);
    }

    private static void WriteExplanation(IAnsiConsole console, Decision decision)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(decision.Key.ToString())}[/] ({Markup.Escape(decision.Policy.Text)}, {Markup.Escape(PolicyFrom(decision.Policy))})");
        foreach (var step in decision.Selection?.Steps ?? [])
        {
            console.WriteLine($"  - {step.Text}");
        }
        foreach (var verdict in Versions.VersionOrder.Sort(decision.Selection?.Verdicts ?? []))
        {
            console.WriteLine($"    {verdict.Tag,-32} {verdict.Text}");
        }
    }
}

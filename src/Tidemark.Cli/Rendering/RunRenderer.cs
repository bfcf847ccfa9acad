using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>Prints what <c>tidemark run</c> did: the changes, the branch, the pull request and anything a person must know.</summary>
internal static class RunRenderer
{
    /// <param name="scopeLine">The Flux automation the plan belongs to, e.g. <c>ImageUpdateAutomation flux-system/apps (path ./apps)</c>.</param>
    public static async Task WriteAsync(TextWriter output, TextWriter error, PublishSettings settings, Plan plan, Outcome outcome, string? scopeLine = null)
    {
        var dry = outcome.DryRun ? " (dry run)" : "";
        if (PlanRenderer.FailedHeadline(plan.Failed) is { } headline)
        {
            await output.WriteLineAsync($"{headline} (errors on standard error)").ConfigureAwait(false);
        }

        if (scopeLine is not null)
        {
            await output.WriteLineAsync(scopeLine).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{settings.Repository}: {settings.BaseBranch} ← {settings.UpdateBranch}{dry}").ConfigureAwait(false);
        foreach (var line in ChangeText.ChangeLines(plan.Changes))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (plan.Changes.Count == 0)
        {
            await output.WriteLineAsync(plan.Failed.Count == 0 ? "no image to update" : "no image to update among those checked").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"branch: {outcome.Push}").ConfigureAwait(false);
        await output.WriteLineAsync($"pull request: {PullRequestLine(outcome)}").ConfigureAwait(false);
        foreach (var note in outcome.Notes)
        {
            await output.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        }

        foreach (var problem in plan.Errors)
        {
            await error.WriteLineAsync($"tidemark: error: {problem}").ConfigureAwait(false);
        }
    }

    /// <summary><c>created #3 URL</c>; in a dry run what would happen (<c>would open</c>), never a past tense that did not happen.</summary>
    private static string PullRequestLine(Outcome outcome) =>
        outcome.PullRequestNumber is { } number ? $"{ActionWord(outcome)} #{number} {outcome.PullRequestUrl}" : ActionWord(outcome);

    private static string ActionWord(Outcome outcome) =>
        outcome.DryRun
            ? outcome.Action switch
            {
                PublishAction.Created => "would open",
                PublishAction.Updated => "would update",
                PublishAction.Closed => "would close",
                PublishAction.Nothing => "nothing would change",
                _ => outcome.Action.ToString().ToLowerInvariant(),
            }
            : outcome.Action.ToString().ToLowerInvariant();

    /// <summary>The whole command's result as one JSON object (<c>run --output json</c>).</summary>
    public static Task WriteJsonAsync(TextWriter output, string repository, bool dryRun, UpdateMode mode, IReadOnlyList<(PublishSettings Settings, Plan Plan, Outcome Outcome)> results, IReadOnlyList<string> warnings, IReadOnlyList<string> errors) =>
        JsonOutput.WriteAsync(output, new RunJson(repository, dryRun, PlanRenderer.ModeOf(mode), [.. results.Select(r => ResultOf(r.Settings, r.Plan, r.Outcome))], warnings, errors));

    private static RunResultJson ResultOf(PublishSettings settings, Plan plan, Outcome outcome) => new(
        outcome.RunId,
        plan.Scope.Automation?.ToString(),
        settings.BaseBranch,
        settings.UpdateBranch,
        ActionWord(outcome),
        outcome.PullRequestNumber is { } number ? new RunPullRequestJson(number, outcome.PullRequestUrl) : null,
        outcome.Pushed,
        outcome.Commit,
        outcome.Push,
        [.. PlanRenderer.ChangesOf(plan)],
        [.. PlanRenderer.UnchangedOf(plan)],
        [.. PlanRenderer.FailedOf(plan)],
        outcome.Notes,
        plan.Errors);
}

using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>Prints what <c>tidemark run</c> did: the changes, the branch, the pull request and anything a person must know.</summary>
internal static class RunRenderer
{
    /// <summary>One published scope; its plan's errors are the run's <c>tidemark: error:</c> lines (<see cref="CliRunReport"/>).</summary>
    public static async Task WriteAsync(TextWriter output, ScopeResult scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (settings, plan, outcome, scopeLine) = (scope.Settings, scope.Plan, scope.Outcome, scope.ScopeLine);
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
    public static Task WriteJsonAsync(TextWriter output, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonOutput.WriteAsync(output, new RunJson(result.Repository, result.RunId, result.DryRun, PlanRenderer.ModeOf(result.Mode), [.. result.Scopes.Select(r => ResultOf(r.Settings, r.Plan, r.Outcome))], result.Warnings, result.Errors));
    }

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

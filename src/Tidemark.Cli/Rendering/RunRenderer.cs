using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>Prints what <c>tidemark run</c> did: the changes, the branch, the pull request and anything a person must know.</summary>
internal static class RunRenderer
{
    public static async Task WriteAsync(TextWriter output, TextWriter error, PublishSettings settings, Plan plan, Outcome outcome)
    {
        var dry = outcome.DryRun ? " (dry run)" : "";
        await output.WriteLineAsync($"{settings.Repository}: {settings.BaseBranch} ← {settings.UpdateBranch}{dry}").ConfigureAwait(false);
        foreach (var line in ChangeText.ChangeLines(plan.Changes))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (plan.Changes.Count == 0)
        {
            await output.WriteLineAsync("no image to update").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"branch: {outcome.Push}").ConfigureAwait(false);
        await output.WriteLineAsync($"pull request: {PullRequestLine(outcome)}").ConfigureAwait(false);
        foreach (var note in outcome.Notes)
        {
            await output.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        }

        foreach (var problem in plan.Errors)
        {
            await error.WriteLineAsync($"tidemark: {problem}").ConfigureAwait(false);
        }
    }

    private static string PullRequestLine(Outcome outcome)
    {
        var action = outcome.Action.ToString().ToLowerInvariant();
        return outcome.PullRequestNumber is { } number ? $"{action} #{number} {outcome.PullRequestUrl}" : action;
    }
}

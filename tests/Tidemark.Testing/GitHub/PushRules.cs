namespace Tidemark.Testing.GitHub;

/// <summary>
/// GitHub's server-side push checks for one ref update: classic branch protection (GH006), rulesets (GH013)
/// and the workflow-file rule. Returns the lines the hook prints ("remote: …") and the reject reason, if any.
/// Wording from GitHub's observed output (research §4).
/// </summary>
internal sealed class PushRules(GitRunner git, string webRoot)
{
    public async Task<(IReadOnlyList<string> Messages, string? Reason)> EvaluateAsync(
        SimRepository repository, SimToken token, RefUpdate update, CancellationToken cancellationToken)
    {
        var forced = !update.IsCreate && !update.IsDelete
            && !await git.IsAncestorAsync(repository.GitDirectory, update.OldSha, update.NewSha, cancellationToken);

        var protection = ProtectionViolations(repository, update, forced);
        if (protection.Count > 0)
        {
            return ([$"error: GH006: Protected branch update failed for {update.RefName}.", .. protection.Select(p => "error: " + p)],
                "protected branch hook declined");
        }

        var rules = RulesetViolations(repository, update, forced);
        if (rules.Count > 0)
        {
            var query = Uri.EscapeDataString(update.RefName);
            return ([
                $"error: GH013: Repository rule violations found for {update.RefName}.",
                $"Review all repository rules at {webRoot}/{repository.FullName}/rules?ref={query}",
                "", .. rules.SelectMany(r => new[] { "- " + r, "" })],
                "push declined due to repository rule violations");
        }

        if (update.IsDelete || AccessControl.CanChangeWorkflows(token))
        {
            return ([], null);
        }

        var workflow = await FirstChangedWorkflowAsync(repository, update, cancellationToken);
        return workflow is null ? ([], null) : ([], WorkflowReason(token, workflow));
    }

    private static List<string> ProtectionViolations(SimRepository repository, RefUpdate update, bool forced)
    {
        var result = new List<string>();
        if (!repository.Protections.TryGetValue(update.Branch, out var protection) || update.IsCreate)
        {
            return result;
        }

        if (update.IsDelete)
        {
            if (!protection.AllowDeletions)
            {
                result.Add("Cannot delete this protected branch");
            }

            return result;
        }

        if (forced && !protection.AllowForcePushes)
        {
            result.Add("Cannot force-push to this protected branch");
        }

        if (protection.RequirePullRequest)
        {
            result.Add("Changes must be made through a pull request.");
        }

        result.AddRange(protection.RequiredStatusChecks.Count switch
        {
            0 => [],
            1 => [$"Required status check \"{protection.RequiredStatusChecks[0]}\" is expected."],
            var n => [$"{n} of {n} required status checks are expected."],
        });
        return result;
    }

    private static List<string> RulesetViolations(SimRepository repository, RefUpdate update, bool forced)
    {
        var types = RefPattern.ActiveFor(repository, update.Branch).SelectMany(r => r.Rules).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>();
        if (update.IsCreate && types.Contains("creation"))
        {
            result.Add("Cannot create ref due to creations being restricted.");
        }

        if (update.IsDelete && types.Contains("deletion"))
        {
            result.Add("Cannot delete this protected ref.");
        }

        var isUpdate = !update.IsCreate && !update.IsDelete;
        if (isUpdate && types.Contains("update"))
        {
            result.Add("Cannot update this protected ref.");
        }

        if (forced && types.Contains("non_fast_forward"))
        {
            result.Add("Cannot force-push to this branch");
        }

        if (!update.IsDelete && types.Contains("pull_request"))
        {
            result.Add("Changes must be made through a pull request.");
        }

        return result;
    }

    /// <summary>
    /// Workflow files touched by the commits this push introduces, plus the tree difference for updates
    /// (GitHub also refuses a branch rebased onto an older base whose workflow files differ).
    /// </summary>
    private async Task<string?> FirstChangedWorkflowAsync(SimRepository repository, RefUpdate update, CancellationToken cancellationToken)
    {
        var introduced = await git.RunAsync(repository.GitDirectory,
            ["log", "--format=", "--name-only", update.NewSha, "--not", "--all", "--", ".github/workflows/"], cancellationToken);
        var files = introduced.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!update.IsCreate)
        {
            var diff = await git.RunAsync(repository.GitDirectory,
                ["diff", "--name-only", update.OldSha, update.NewSha, "--", ".github/workflows/"], cancellationToken);
            files.AddRange(diff.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        return files.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private static string WorkflowReason(SimToken token, string file) => token.Kind switch
    {
        TokenKind.Classic => $"refusing to allow a Personal Access Token to create or update workflow `{file}` without `workflow` scope",
        TokenKind.FineGrained => $"refusing to allow a Personal Access Token to create or update workflow `{file}` without `workflows` permission",
        _ => $"refusing to allow a GitHub App to create or update workflow `{file}` without `workflows` permission",
    };
}

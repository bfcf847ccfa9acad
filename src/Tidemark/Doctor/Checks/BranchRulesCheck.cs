using System.Text.Json.Nodes;
using Tidemark.Forges.GitHub;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 9: classic protection and rulesets on the base (expected: Tidemark works through pull requests) and on the
/// update branch, which Tidemark creates, force-pushes and deletes — creation, update, non_fast_forward and deletion
/// rules there make its pushes fail (GH006/GH013).
/// </summary>
internal sealed class BranchRulesCheck : IDoctorCheck
{
    private static readonly string[] Blocking = ["creation", "update", "non_fast_forward", "deletion", "required_signatures"];

    public string Name => CheckNames.BranchRules;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.PushBranch];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.BaseBranch];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var (baseBranch, update) = (context.BaseBranch, context.UpdateBranch);
        var findings = new List<Finding>();
        var baseInfo = await BranchAsync(context, baseBranch, cancellationToken).ConfigureAwait(false);
        var baseRules = await RulesAsync(context, baseBranch, cancellationToken).ConfigureAwait(false);
        var baseNotes = new List<string>();
        if (baseInfo?.Bool("protected") == true)
        {
            baseNotes.Add("branch protection");
        }

        baseNotes.AddRange(baseRules.Select(r => $"ruleset '{r.Source}' ({r.Type})").Distinct());
        findings.Add(Finding.Ok(baseNotes.Count == 0
            ? $"base {baseBranch} has no protection or rules"
            : $"base {baseBranch} is protected ({string.Join(", ", baseNotes)}); Tidemark works through pull requests, as expected"));

        var updateInfo = await BranchAsync(context, update, cancellationToken).ConfigureAwait(false);
        if (updateInfo?.Bool("protected") == true)
        {
            findings.Add(Finding.Refused(
                $"Cannot push to branch {update}: it is protected by branch protection, and Tidemark force-pushes and deletes it (pushes fail with GH006)",
                $"remove the protection rule from {update} (or exclude it from the rule's pattern), or allow Tidemark's identity to force-push and delete it"));
        }

        foreach (var rule in (await RulesAsync(context, update, cancellationToken).ConfigureAwait(false)).Where(r => Blocking.Contains(r.Type)))
        {
            findings.Add(Finding.Refused(
                $"Pushes to {update} will be rejected by ruleset '{rule.Source}' (rule {rule.Type}): Tidemark creates, force-pushes and deletes this branch (GH013)",
                $"exclude {update} from ruleset '{rule.Source}' or add Tidemark's identity to its bypass list"));
        }

        if (findings.Count == 1)
        {
            findings.Add(Finding.Ok($"update branch {update}: no protection or ruleset blocks creating, force-pushing or deleting it"));
        }

        return findings;
    }

    private static async Task<ProbeResponse?> BranchAsync(DoctorContext context, string branch, CancellationToken cancellationToken)
    {
        var response = await context.GitHub!.BranchAsync(branch, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? response : null;
    }

    private static async Task<IReadOnlyList<(string Type, string Source)>> RulesAsync(DoctorContext context, string branch, CancellationToken cancellationToken)
    {
        var response = await context.GitHub!.BranchRulesAsync(branch, cancellationToken).ConfigureAwait(false);
        if (response.Body is not JsonArray rules)
        {
            return [];
        }

        return [.. rules.OfType<JsonObject>().Select(r => (
            r["type"]?.GetValue<string>() ?? "",
            r["ruleset_source"]?.GetValue<string>() ?? r["ruleset_id"]?.ToString() ?? "?"))];
    }
}

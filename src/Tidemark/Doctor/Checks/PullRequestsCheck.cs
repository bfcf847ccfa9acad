using System.Text.Json.Nodes;
using Tidemark.Forges.GitHub;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 10: may the token work with pull requests? Read probe <c>GET /pulls?head=OWNER:UPDATE&amp;state=open</c>; with
/// <c>--write-probe</c>, <c>POST /pulls</c> from a branch that does not exist — 422 "head invalid" proves the
/// permission and creates nothing, 403 names what is missing.
/// </summary>
internal sealed class PullRequestsCheck : IDoctorCheck
{
    public string Name => CheckNames.PullRequests;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.CreatePullRequest];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Repository];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var head = $"{context.Settings.Owner}:{context.UpdateBranch}";
        var list = await context.GitHub!.GetAsync($"{context.Repo}/pulls?head={Uri.EscapeDataString(head)}&state=open&per_page=1", cancellationToken).ConfigureAwait(false);
        if (list.Status == 403)
        {
            return [Missing(context, list)];
        }

        if (!list.IsSuccess)
        {
            return [TokenAdvice.Unexpected("GitHub refused to list pull requests", list)];
        }

        var open = list.Body is JsonArray { Count: > 0 } pulls ? pulls[0]?["number"]?.ToString() : null;
        var findings = new List<Finding>
        {
            Finding.Ok(open is null
                ? $"the token can read pull requests (no open pull request from {context.UpdateBranch})"
                : $"the token can read pull requests; the open pull request #{open} will be updated, not duplicated"),
        };
        findings.Add(context.Settings.WriteProbe
            ? await WriteProbeAsync(context, cancellationToken).ConfigureAwait(false)
            : Finding.Ok("write not proven by reading (add --write-probe to test creating a pull request; nothing is created)"));
        return findings;
    }

    private static async Task<Finding> WriteProbeAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var probe = "tidemark-doctor-probe-" + context.Settings.ProbeSuffix();
        var body = new JsonObject { ["title"] = "tidemark doctor probe (never created)", ["head"] = probe, ["base"] = context.BaseBranch };
        var response = await context.GitHub!.PostAsync($"{context.Repo}/pulls", body, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            422 => Finding.Ok("the token may create pull requests (GitHub validated a probe from a branch that does not exist; nothing was created)"),
            403 => Missing(context, response),
            _ => TokenAdvice.Unexpected("the pull request write probe got an unexpected answer", response),
        };
    }

    private static Finding Missing(DoctorContext context, ProbeResponse response) => Finding.Error(
        $"Cannot create PR: the token lacks Pull requests ({TokenAdvice.Wanted(response)})",
        TokenAdvice.Grant(context, "Pull requests: Read and write", "repo"));
}

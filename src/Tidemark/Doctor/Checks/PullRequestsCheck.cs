using System.Text.Json.Nodes;
using Tidemark.Credentials.GitHubApp;
using Tidemark.Forges.GitHub;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 10: may the token work with pull requests? Read probe <c>GET /pulls?head=OWNER:UPDATE&amp;state=open</c> on the
/// update branch the repository configures (hence after <c>checkout</c>); with <c>--write-probe</c>, <c>POST /pulls</c>
/// from a branch that does not exist — 422 "head invalid" proves the permission and creates nothing, 403 names what is
/// missing. Without the probe, creating is proven only for a classic token whose listed scopes include <c>repo</c>;
/// otherwise it is "not proven", never passed.
/// </summary>
internal sealed class PullRequestsCheck : IDoctorCheck
{
    public string Name => CheckNames.PullRequests;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.CreatePullRequest];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Repository, CheckNames.Checkout];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var head = $"{context.Settings.Owner}:{context.UpdateBranch}";
        var list = await context.GitHub!.OpenPullRequestsAsync(head, cancellationToken).ConfigureAwait(false);
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
            : WithoutProbe(context));
        return findings;
    }

    /// <summary>
    /// GitHub's own statement of what the token may do proves it: a classic token's listed scopes, a GitHub App's minted
    /// permissions. A fine-grained token's permissions are not shown, so without the probe creating stays unproven.
    /// </summary>
    private static Finding WithoutProbe(DoctorContext context)
    {
        if (context.Scopes?.Contains("repo") == true)
        {
            return Finding.Ok("the classic token may create pull requests (GitHub lists its repo scope, and its user may write to the repository)");
        }

        if (context.AppMint is { } mint && AppPermissions.Cover(mint.Permissions, new Dictionary<string, string> { ["pull_requests"] = "write" }))
        {
            return Finding.Ok("the App's installation token may create pull requests (GitHub granted it pull_requests: write)");
        }

        return Finding.NotProven(
            "creating a pull request: not proven (reading pull requests does not show whether the token may create one)",
            "add --write-probe to test it: a pull request from a branch that does not exist, so nothing is created");
    }

    private static async Task<Finding> WriteProbeAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var probe = "tidemark-doctor-probe-" + context.Settings.ProbeSuffix();
        var body = new JsonObject { ["title"] = "tidemark doctor probe (never created)", ["head"] = probe, ["base"] = context.BaseBranch };
        var response = await context.GitHub!.WriteProbeAsync(body, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            422 => Finding.Ok("the token may create pull requests (GitHub validated a probe from a branch that does not exist; nothing was created)"),
            403 => Missing(context, response),
            _ => TokenAdvice.Unexpected("the pull request write probe got an unexpected answer", response),
        };
    }

    private static Finding Missing(DoctorContext context, ProbeResponse response) => Finding.Refused(
        $"Cannot create PR: the token lacks Pull requests ({TokenAdvice.Wanted(response)})",
        TokenAdvice.Grant(context, "Pull requests: Read and write", "repo"));
}

namespace Tidemark.Doctor.Checks;

/// <summary>Step 5: a classic token needs the <c>repo</c> scope (<c>public_repo</c> covers public repositories only).</summary>
internal sealed class TokenScopesCheck : IDoctorCheck
{
    public string Name => CheckNames.TokenScopes;

    // the scopes only say what the token may be allowed: push-permission and pull-requests prove the capabilities
    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenValidity];

    public bool InTokenCheck => true;

    public Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<Finding> findings = context.Scopes switch
        {
            null => [Finding.Ok("not a classic token: GitHub does not list its permissions, so the probes below (push-permission, pull-requests) test what it may do")],
            var s when s.Contains("repo") => [Finding.Ok($"classic token with the repo scope{(s.Contains("workflow") ? " and the workflow scope" : "")}")],
            var s when s.Contains("public_repo") => [Finding.Warning(
                $"Classic token of {context.Login} has public_repo but not repo: it works on public repositories only",
                "edit the token at https://github.com/settings/tokens and tick repo if the repository is private")],
            var s => [Finding.Refused(
                $"Classic token of {context.Login} lacks the scope repo (it has: {(s.Count == 0 ? "none" : string.Join(", ", s))}); it cannot push or open pull requests",
                "edit the token at https://github.com/settings/tokens and tick repo (and workflow if the update paths include .github/workflows)")],
        };
        return Task.FromResult(findings);
    }
}

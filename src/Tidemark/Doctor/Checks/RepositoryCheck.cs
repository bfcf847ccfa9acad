using Tidemark.Credentials;
using Tidemark.Forges.GitHub;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 7: <c>GET /repos/o/r</c> — 404 (wrong repository or owner, or no access), SAML SSO (with the authorisation
/// URL), organisation policies (classic tokens blocked, lifetime too long), archived, no write role.
/// </summary>
internal sealed class RepositoryCheck : IDoctorCheck
{
    public string Name => CheckNames.Repository;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.SeeRepository];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenValidity];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var repo = context.Settings.FullName;
        var response = await context.GitHub!.RepositoryAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return [Refused(context, response)];
        }

        context.DefaultBranch = response.String("default_branch");
        context.Private = response.Bool("private");
        var findings = new List<Finding>
        {
            Finding.Ok($"{repo} is visible ({(context.Private == true ? "private" : "public")}, default branch {context.DefaultBranch})"),
        };
        if (response.Bool("archived") == true)
        {
            findings.Add(Finding.Error($"{repo} is archived; pushes will fail", "unarchive it in the repository settings, or stop updating it"));
        }

        if (response.Bool("permissions", "push") == false)
        {
            findings.Add(Finding.Refused($"User {context.Login ?? "of the token"} has no write access to {repo}", $"ask an administrator of {repo} for the Write role"));
        }

        return findings;
    }

    private static Finding Refused(DoctorContext context, ProbeResponse response)
    {
        var repo = context.Settings.FullName;
        var owner = context.Settings.Owner;
        var message = response.Message;
        return response.Status switch
        {
            401 => TokenAdvice.BadCredentials(context),
            404 => Finding.Refused(
                $"Cannot see {repo}: it doesn't exist, or the token has no access (a token for the wrong repository or owner lands here)",
                NotFoundFix(context)),
            403 when response.SsoUrl is { } url => Finding.Refused(
                $"Organization {owner} enforces SAML SSO and the token is not authorised for it",
                url.Length > 0 ? $"authorize this token for {owner}: {url}" : $"authorize this token for {owner} in the token settings (Configure SSO)"),
            403 when message.Contains("(classic)", StringComparison.Ordinal) && message.Contains("forbids", StringComparison.Ordinal) && !message.Contains("lifetime", StringComparison.Ordinal) => Finding.Refused(
                $"{owner} blocks classic personal access tokens (GitHub said: {message})",
                "use a fine-grained token (`tidemark token new --repo " + repo + "`) or a GitHub App"),
            403 when message.Contains("lifetime", StringComparison.OrdinalIgnoreCase) => Finding.Refused(
                $"{owner} refuses tokens whose lifetime is too long (GitHub said: {message})",
                "create a new token with an expiry within the organisation's limit (90 days is recommended) and update " + context.Settings.TokenSource),
            _ => TokenAdvice.Unexpected($"GitHub refused to show {repo}", response),
        };
    }

    private static string NotFoundFix(DoctorContext context)
    {
        var repo = context.Settings.FullName;
        return context.Kind switch
        {
            TokenKind.FineGrainedPat => $"check the name; then add {repo} under the token's 'Repository access' and make sure its resource owner is {context.Settings.Owner}",
            TokenKind.Installation or TokenKind.InstallationStateless => $"check the name; then install the GitHub App on {repo} (or add the repository to the installation)",
            _ when context.IsClassic => $"check the name; then give {context.Login ?? "the token's user"} access to {repo} and the token the repo scope",
            _ => $"check the name and the token's access to {repo}",
        };
    }
}

using Tidemark.Credentials;
using Tidemark.Forges.GitHub;

namespace Tidemark.Doctor.Checks;

/// <summary>Fix texts that depend on the token's kind, and GitHub's wording of what an endpoint needs.</summary>
internal static class TokenAdvice
{
    public const string NewToken = "create a new token (`tidemark token new`)";

    /// <summary>The fix for a missing grant, worded for the token in hand.</summary>
    public static string Grant(DoctorContext context, string fineGrained, string classic)
    {
        return context.Kind switch
        {
            TokenKind.ClassicPat => $"edit the classic token at https://github.com/settings/tokens and tick {classic}",
            TokenKind.Installation or TokenKind.InstallationStateless => $"grant the GitHub App {fineGrained} and accept the new permissions in the installation settings",
            _ when context.IsClassic => $"edit the classic token at https://github.com/settings/tokens and tick {classic}",
            _ => $"grant the fine-grained token {fineGrained} (https://github.com/settings/personal-access-tokens)",
        };
    }

    /// <summary>"pull_requests=read" from <c>X-Accepted-GitHub-Permissions</c>, or what a classic token's scopes lack.</summary>
    public static string Wanted(ProbeResponse response)
    {
        var accepted = response.Header("X-Accepted-GitHub-Permissions");
        if (!string.IsNullOrWhiteSpace(accepted))
        {
            return $"GitHub asks for {accepted.Replace(";", " or", StringComparison.Ordinal)}";
        }

        var scopes = response.Header("X-Accepted-OAuth-Scopes");
        return string.IsNullOrWhiteSpace(scopes) ? $"GitHub said \"{response.Message}\"" : $"GitHub asks for the scope {scopes}";
    }

    public static Finding BadCredentials(DoctorContext context) => Finding.Refused(
        "Authentication failed: the token is invalid, expired or revoked (GitHub answered 401 Bad credentials)",
        $"{NewToken} and update {context.Settings.TokenSource}");

    /// <summary>A refusal no check expected: the answer, as GitHub gave it.</summary>
    public static Finding Unexpected(string what, ProbeResponse response) => new(
        CheckLevel.Error,
        $"{what}: {response.Describe()}",
        response.Status == 0 ? "check the network and --api-url, then run `tidemark doctor` again" : "check the message GitHub gave, then run `tidemark doctor` again",
        Denied: response.Status is 401 or 403);
}

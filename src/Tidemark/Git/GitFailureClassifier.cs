using System.Text.RegularExpressions;

namespace Tidemark.Git;

/// <summary>
/// Classifies a failed git command by the text git and GitHub print on standard error. The substrings come
/// from research/github.md §4; the most specific causes are tested first (push protection is also GH013,
/// an SSO refusal is also a 403). Pure: text in, <see cref="GitFailure"/> out.
/// </summary>
internal static partial class GitFailureClassifier
{
    public static GitFailure Classify(string stderr, GitFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(context);
        var kind = KindOf(stderr);
        return kind switch
        {
            GitFailureKind.SsoRequired => GitFailureMessages.Sso(context, SsoUrlPattern().Match(stderr).Value, OrganisationOf(stderr)),
            GitFailureKind.ProtectedBranch => GitFailureMessages.Protected(context, ReasonsAfter(stderr, "GH006")),
            GitFailureKind.RulesetViolation => GitFailureMessages.Ruleset(context, ReasonsAfter(stderr, "GH013")),
            GitFailureKind.PushProtection => GitFailureMessages.PushProtection(context, ReasonsAfter(stderr, "GH013")),
            GitFailureKind.WorkflowPermission => Workflow(stderr, context),
            _ => GitFailureMessages.Simple(kind, context, LastFatalLine(stderr)),
        };
    }

    internal static GitFailureKind KindOf(string stderr) => stderr switch
    {
        _ when Has(stderr, "GITHUB PUSH PROTECTION") || Has(stderr, "Push cannot contain secrets") => GitFailureKind.PushProtection,
        _ when Has(stderr, "GH013") => GitFailureKind.RulesetViolation,
        _ when Has(stderr, "GH006") || Has(stderr, "protected branch hook declined") => GitFailureKind.ProtectedBranch,
        _ when Has(stderr, "refusing to allow") && Has(stderr, "workflow") => GitFailureKind.WorkflowPermission,
        _ when Has(stderr, "SAML SSO") || Has(stderr, "/sso?authorization_request=") => GitFailureKind.SsoRequired,
        _ when Has(stderr, "terminal prompts disabled") || Has(stderr, "could not read Username")
            || Has(stderr, "could not read Password") => GitFailureKind.SecretMissing,
        _ when Has(stderr, "Invalid username or token") || Has(stderr, "Invalid username or password")
            || Has(stderr, "Authentication failed") || Has(stderr, "returned error: 401") => GitFailureKind.BadCredentials,
        _ when PermissionDeniedPattern().IsMatch(stderr) || Has(stderr, "Write access to repository not granted")
            || Has(stderr, "returned error: 403") => GitFailureKind.NoWriteAccess,
        _ when Has(stderr, "Repository not found") || RepositoryMissingPattern().IsMatch(stderr)
            || Has(stderr, "does not appear to be a git repository") || Has(stderr, "returned error: 404") => GitFailureKind.RepositoryNotFound,
        _ when Has(stderr, "(stale info)") => GitFailureKind.StaleLease,
        _ when Has(stderr, "(non-fast-forward)") || Has(stderr, "(fetch first)") => GitFailureKind.NonFastForward,
        _ when IsNetwork(stderr) => GitFailureKind.NetworkError,
        _ => GitFailureKind.Unknown,
    };

    private static GitFailure Workflow(string stderr, GitFailureContext context)
    {
        var match = WorkflowPattern().Match(stderr);
        var file = match.Success ? match.Groups["file"].Value : null;
        var grant = match.Success ? $"`{match.Groups["grant"].Value}` {match.Groups["noun"].Value}" : null;
        var tokenKind = match.Success ? match.Groups["who"].Value : null;
        return GitFailureMessages.Workflow(context, file, grant, tokenKind);
    }

    private static bool IsNetwork(string stderr) =>
        Has(stderr, "Could not resolve host") || Has(stderr, "Failed to connect") || Has(stderr, "Connection refused")
        || Has(stderr, "Connection timed out") || Has(stderr, "Operation timed out") || Has(stderr, "Connection reset")
        || Has(stderr, "SSL certificate problem") || Has(stderr, "SSL connect error")
        || Has(stderr, "gnutls_handshake") || Has(stderr, "RPC failed") || Has(stderr, "early EOF")
        || Has(stderr, "remote end hung up unexpectedly") || ServerErrorPattern().IsMatch(stderr);

    /// <summary>The lines GitHub prints after the GHxxx line: reasons, findings and unblock URLs.</summary>
    internal static IReadOnlyList<string> ReasonsAfter(string stderr, string code)
    {
        var reasons = new List<string>();
        var started = false;
        foreach (var raw in stderr.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith("remote:", StringComparison.Ordinal))
            {
                continue;
            }

            var text = line["remote:".Length..].Trim();
            if (text.Contains(code, StringComparison.Ordinal))
            {
                started = true;
                continue;
            }

            if (started && text.Length > 0 && !text.All(c => c is '-' or '=' or '—'))
            {
                reasons.Add(StripPrefix(text));
            }
        }

        return reasons;
    }

    private static string StripPrefix(string text)
    {
        foreach (var prefix in new[] { "error: ", "- " })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..].Trim();
            }
        }

        return text;
    }

    private static string? OrganisationOf(string stderr)
    {
        var match = OrganisationPattern().Match(stderr);
        return match.Success ? match.Groups["org"].Value : null;
    }

    private static string? LastFatalLine(string stderr) =>
        stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal));

    private static bool Has(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"https://\S+/sso\?authorization_request=[^\s]+")]
    private static partial Regex SsoUrlPattern();

    [GeneratedRegex(@"The '(?<org>[^']+)' organization")]
    private static partial Regex OrganisationPattern();

    [GeneratedRegex(@"Permission to \S+ denied to")]
    private static partial Regex PermissionDeniedPattern();

    [GeneratedRegex(@"fatal: repository '[^']*' not found")]
    private static partial Regex RepositoryMissingPattern();

    [GeneratedRegex(@"returned error: 5\d\d")]
    private static partial Regex ServerErrorPattern();

    [GeneratedRegex(@"refusing to allow an? (?<who>[A-Za-z ]+?) to create or update workflow `(?<file>[^`]+)` without `(?<grant>workflows?)` (?<noun>scope|permission)")]
    private static partial Regex WorkflowPattern();
}

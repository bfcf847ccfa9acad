using System.Net;
using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Turns Octokit's exceptions into <see cref="ForgeException"/>s whose message names the repository, what failed,
/// why and what to do. Status codes and bodies follow GitHub's documented refusals (research github.md §3).
/// </summary>
internal sealed class GitHubErrors(string repository)
{
    private const string Doctor = "run `tidemark doctor`";

    public ForgeException Classify(ApiException error, string action, DateTimeOffset? retryAt)
    {
        var headers = error.HttpResponse?.Headers;
        var status = (int)error.StatusCode;
        var requestId = ResponseHeaders.Get(headers, "X-GitHub-Request-Id");
        var exception = status switch
        {
            401 => BadCredentials(error, action),
            404 => NotFound(error, action),
            422 or 400 => Validation(error, action),
            403 or 429 when retryAt is not null => RateLimited(error, action, retryAt.Value),
            403 => Forbidden(error, action),
            _ => Unavailable(error, action, $"GitHub answered {status} {error.Message}"),
        };
        return new ForgeException(exception.Kind, exception.Message, error)
        {
            StatusCode = status,
            Permission = exception.Permission,
            SsoUrl = exception.SsoUrl,
            RetryAt = exception.RetryAt,
            Details = exception.Details,
            RequestId = requestId,
        };
    }

    public ForgeException Unavailable(Exception error, string action, string reason) =>
        new(ForgeErrorKind.Unavailable,
            $"GitHub did not answer properly when trying to {action} in {repository} ({reason}); it is usually transient — try again later", error);

    public ForgeException Unresolvable(Exception error, string action, Uri api) =>
        new(ForgeErrorKind.Unavailable,
            $"cannot {action} in {repository}: the GitHub API host {api.Host} was not found (DNS) — check --api-url (GitHub Enterprise Server: https://HOST/api/v3/) and the network's name resolution", error);

    private ForgeException BadCredentials(ApiException error, string action) =>
        new(ForgeErrorKind.BadCredentials,
            $"GitHub rejected the token when trying to {action} in {repository} ({error.Message}): it is wrong, expired or revoked — issue a new token and {Doctor}");

    private ForgeException NotFound(ApiException error, string action) =>
        new(ForgeErrorKind.NotFound,
            $"could not {action} in {repository}: GitHub answered 404 ({error.Message}) — it does not exist, or the token cannot see it "
            + $"(a private repository outside a fine-grained token's selection, or a token of another owner); check the name and the token's repository access, then {Doctor}")
        {
            Details = [error.Message],
        };

    private ForgeException Validation(ApiException error, string action)
    {
        var details = Details(error);
        return new ForgeException(ForgeErrorKind.Validation,
            $"GitHub refused to {action} in {repository}: {string.Join("; ", details)}")
        {
            Details = details,
        };
    }

    private ForgeException RateLimited(ApiException error, string action, DateTimeOffset retryAt) =>
        new(ForgeErrorKind.RateLimited,
            $"GitHub's rate limit stopped the attempt to {action} in {repository} ({error.Message}); retry after {retryAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
        {
            RetryAt = retryAt,
        };

    private ForgeException Forbidden(ApiException error, string action)
    {
        var headers = error.HttpResponse?.Headers;
        var sso = ResponseHeaders.SsoUrl(headers);
        if (sso is not null)
        {
            return new ForgeException(ForgeErrorKind.SsoRequired,
                $"could not {action} in {repository}: the organisation enforces SAML single sign-on and the token is not authorised for it — open {sso} to authorise the token, then {Doctor}")
            {
                SsoUrl = sso,
            };
        }

        if (IsPolicy(error.Message))
        {
            return new ForgeException(ForgeErrorKind.OrganizationPolicy,
                $"could not {action} in {repository}: {error.Message.TrimEnd('.')} — use a token the organisation allows, then {Doctor}");
        }

        var (permission, lacks) = Lacks(headers);
        return new ForgeException(ForgeErrorKind.MissingPermission,
            $"the token cannot {action} in {repository}: {lacks} (GitHub said \"{error.Message}\") — {Doctor}")
        {
            Permission = permission,
            Details = [error.Message],
        };
    }

    private static bool IsPolicy(string message) =>
        message.Contains("forbids access via", StringComparison.OrdinalIgnoreCase)
        || message.Contains("lifetime", StringComparison.OrdinalIgnoreCase)
        || message.Contains("archived", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the token lacks: the endpoint's fine-grained permissions, else its classic scopes, else write access.</summary>
    private static (string? Permission, string Text) Lacks(IReadOnlyDictionary<string, string>? headers)
    {
        var accepted = ResponseHeaders.Get(headers, "X-Accepted-GitHub-Permissions");
        if (!string.IsNullOrWhiteSpace(accepted))
        {
            return (accepted, $"it lacks {accepted.Replace(";", " or", StringComparison.Ordinal)} (fine-grained or GitHub App permission)");
        }

        var scopes = ResponseHeaders.Get(headers, "X-Accepted-OAuth-Scopes");
        if (!string.IsNullOrWhiteSpace(scopes))
        {
            var granted = ResponseHeaders.Get(headers, "X-OAuth-Scopes") ?? "";
            return ("scope " + scopes, $"it lacks the scope {scopes} (classic token; it has \"{granted}\"), or the user lacks write access to the repository");
        }

        return (null, "the token's user lacks the access (write access to the repository, or the permission for this operation)");
    }

    private static IReadOnlyList<string> Details(ApiException error)
    {
        var errors = error.ApiError?.Errors;
        if (errors is null || errors.Count == 0)
        {
            return [error.Message];
        }

        return [.. errors.Select(e => !string.IsNullOrEmpty(e.Message)
            ? e.Message
            : $"{e.Resource}.{e.Field}: {e.Code}")];
    }

    public static bool IsRateLimitBody(ApiException error) =>
        error is RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException
        || error.StatusCode == (HttpStatusCode)429
        || error.Message.Contains("rate limit", StringComparison.OrdinalIgnoreCase);
}

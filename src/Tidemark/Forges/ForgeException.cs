namespace Tidemark.Forges;

/// <summary>
/// A forge request failed for good. The message is for people: the repository, what failed, why and what to
/// do, e.g. "the token cannot create pull requests in acme/gitops: it lacks pull_requests=write …". Never holds a token.
/// </summary>
internal sealed class ForgeException : Exception
{
    public ForgeException(ForgeErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ForgeErrorKind Kind { get; }

    /// <summary>HTTP status of the refusal, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The permission or scope the forge asked for, e.g. <c>pull_requests=write</c> or scope <c>repo</c>.</summary>
    public string? Permission { get; init; }

    /// <summary>Where to authorise the token for SAML SSO (<see cref="ForgeErrorKind.SsoRequired"/>).</summary>
    public string? SsoUrl { get; init; }

    /// <summary>When to try again (<see cref="ForgeErrorKind.RateLimited"/>).</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The forge's own reasons, e.g. a 422's <c>errors[].message</c> or <c>resource.field: code</c>.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>GitHub's <c>X-GitHub-Request-Id</c>, to quote to support.</summary>
    public string? RequestId { get; init; }
}

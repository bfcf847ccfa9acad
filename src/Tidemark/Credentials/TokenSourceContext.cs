using Tidemark.State;

namespace Tidemark.Credentials;

/// <summary>
/// What token sources may use: the redactor every value goes to, the clock for timeouts and token expiry, the process
/// environment (read by name), the variables passed on to a token command, and — for the GitHub App, which mints a
/// token per repository — the target repository and the audit trail.
/// </summary>
internal sealed record TokenSourceContext(ISecretRedactor Redactor, TimeProvider Time, Func<string, string?> Variable)
{
    /// <summary>The repository and API a minted token is for; the <c>app</c> source needs it, the others ignore it.</summary>
    public TokenTarget? Target { get; init; }

    /// <summary>Where a source that mints tokens records each mint (<c>token.mint</c>); none when null.</summary>
    public IAuditWriter? Audit { get; init; }

    /// <summary>How long a token command may run.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Variables a token command sees when set here (nothing else is inherited): what a shell and the usual secrets
    /// manager CLIs need to find themselves and their login.
    /// </summary>
    public IReadOnlyList<string> CommandVariables { get; init; } =
    [
        "PATH", "HOME", "USER", "LANG", "TMPDIR",
        "VAULT_ADDR", "VAULT_TOKEN", "VAULT_NAMESPACE", "VAULT_CACERT",
        "OP_SERVICE_ACCOUNT_TOKEN", "OP_CONNECT_HOST", "OP_CONNECT_TOKEN",
        "PULUMI_ACCESS_TOKEN", "PULUMI_BACKEND_URL",
    ];
}

namespace Tidemark.Credentials;

/// <summary>
/// What token sources may use: the redactor every value goes to, the clock for timeouts, the process environment
/// (read by name) and the variables passed on to a token command.
/// </summary>
internal sealed record TokenSourceContext(ISecretRedactor Redactor, TimeProvider Time, Func<string, string?> Variable)
{
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

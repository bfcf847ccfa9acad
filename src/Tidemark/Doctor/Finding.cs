namespace Tidemark.Doctor;

/// <summary>
/// One line of a doctor check: its level, what was found and — for anything not ok — the fix.
/// Example: (Error, "Cannot create PR: the token lacks Pull requests (GitHub asks for pull_requests=read)",
/// "Grant Pull requests: Read and write to the token", Denied: true). <see cref="Denied"/> marks a refusal by GitHub
/// or git (401, 403, a missing permission or scope, a rule): the audit trail records it as <c>denied</c>, not <c>failed</c>.
/// </summary>
internal sealed record Finding(CheckLevel Level, string Message, string? Fix = null, bool Denied = false)
{
    public static Finding Ok(string message) => new(CheckLevel.Ok, message);

    public static Finding Warning(string message, string fix) => new(CheckLevel.Warning, message, fix);

    public static Finding Error(string message, string fix) => new(CheckLevel.Error, message, fix);

    /// <summary>An error because the credential was refused: bad or expired token, a missing permission or scope, SSO, a policy, a rule.</summary>
    public static Finding Refused(string message, string fix) => new(CheckLevel.Error, message, fix, Denied: true);

    /// <summary>A capability no probe tested; <paramref name="howToProve"/> names what proves it, e.g. "add --write-probe …".</summary>
    public static Finding NotProven(string message, string howToProve) => new(CheckLevel.NotProven, message, howToProve);
}

namespace Tidemark.Doctor;

/// <summary>
/// One line of a doctor check: its level, what was found and — for anything not ok — the fix.
/// Example: (Error, "Cannot create PR: the token lacks Pull requests (GitHub asks for pull_requests=read)",
/// "Grant Pull requests: Read and write to the token").
/// </summary>
internal sealed record Finding(CheckLevel Level, string Message, string? Fix = null)
{
    public static Finding Ok(string message) => new(CheckLevel.Ok, message);

    public static Finding Warning(string message, string fix) => new(CheckLevel.Warning, message, fix);

    public static Finding Error(string message, string fix) => new(CheckLevel.Error, message, fix);
}

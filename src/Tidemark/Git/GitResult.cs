namespace Tidemark.Git;

/// <summary>What a git process printed, already redacted.</summary>
internal sealed record GitResult(int ExitCode, string StandardOutput, string StandardError);

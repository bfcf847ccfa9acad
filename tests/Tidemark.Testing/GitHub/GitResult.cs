namespace Tidemark.Testing.GitHub;

/// <summary>The outcome of one git command.</summary>
internal sealed record GitResult(int ExitCode, string Stdout, string Stderr);

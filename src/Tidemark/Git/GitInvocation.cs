namespace Tidemark.Git;

/// <summary>
/// A record of one git process as started: the full argument list and the NAMES of its environment
/// variables (never values). Exposed so tests can prove no secret is ever an argument.
/// </summary>
internal sealed record GitInvocation(IReadOnlyList<string> Arguments, IReadOnlyList<string> EnvironmentNames, string WorkingDirectory);

namespace Tidemark.Cli.Commands;

/// <summary>The command line itself is wrong (exit 2): an invalid image, policy or option combination.</summary>
internal sealed class UsageException(string message) : Exception(message);

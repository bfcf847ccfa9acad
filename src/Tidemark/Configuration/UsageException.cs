namespace Tidemark.Configuration;

/// <summary>What the use case was asked is wrong (exit 2): an invalid image, policy, option combination or repository path; the message names the option or place and the fix.</summary>
internal sealed class UsageException(string message) : Exception(message);

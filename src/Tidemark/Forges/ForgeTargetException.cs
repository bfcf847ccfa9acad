namespace Tidemark.Forges;

/// <summary>A repository URL no registered forge can take; the message names where it came from and the fix (a usage error).</summary>
internal sealed class ForgeTargetException(string message) : Exception(message);

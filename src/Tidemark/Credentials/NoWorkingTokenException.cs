namespace Tidemark.Credentials;

/// <summary>
/// During a rotation neither token can do a run's work: the current one cannot be read or does not work, and the next
/// one did not prove a capability the run needs. The message names both reasons; <c>doctor</c>'s next-token check explains it.
/// </summary>
internal sealed class NoWorkingTokenException(string message) : Exception(message);

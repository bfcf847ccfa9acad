namespace Tidemark.Automation;

/// <summary>Whether the update branch was pushed, why (in words), and the SHA the remote branch now holds (null in a dry run that would push).</summary>
internal sealed record PushResult(bool Pushed, string Reason, string? RemoteSha);

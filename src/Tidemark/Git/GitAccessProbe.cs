namespace Tidemark.Git;

/// <summary>What the token may do on a remote, found without changing anything; <see cref="Failure"/> says why not.</summary>
internal sealed record GitAccessProbe(bool CanRead, bool CanPush, GitFailure? Failure);

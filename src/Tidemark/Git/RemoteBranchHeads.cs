namespace Tidemark.Git;

/// <summary>The remote's base and update branch heads after a fetch; <see cref="UpdateSha"/> is null when the update branch does not exist.</summary>
internal sealed record RemoteBranchHeads(string BaseSha, string? UpdateSha);

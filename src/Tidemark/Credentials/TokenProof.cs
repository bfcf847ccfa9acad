namespace Tidemark.Credentials;

/// <summary>
/// What probes against the repository showed a token able to do for a run, in order: read, push (by
/// <c>git push --dry-run</c> to the update branch), create pull requests, and change workflow files when the update
/// paths reach them. The first capability it lacks stops the proof; <see cref="Denied"/> says GitHub or git refused it. Example, a read-only next token:
/// (["read acme/gitops"], "push to flux-image-updates", "the token may read acme/gitops but not write to it", "grant Contents: Read and write").
/// </summary>
internal sealed record TokenProof(IReadOnlyList<string> Proven, string? Lacking, string? Reason, string? Fix, bool Denied = false)
{
    /// <summary>True when every capability the run needs was proven.</summary>
    public bool Complete => Lacking is null;

    public static TokenProof Of(IReadOnlyList<string> proven) => new(proven, null, null, null);

    /// <summary>The first capability not proven; <paramref name="denied"/> when GitHub or git refused it (false when it could not be tested).</summary>
    public TokenProof Lacks(string capability, string reason, string fix, bool denied = true) => this with { Lacking = capability, Reason = reason, Fix = fix, Denied = denied };

    public TokenProof With(string capability) => this with { Proven = [.. Proven, capability] };

    /// <summary>"proven: read acme/gitops, push to …" or "it cannot push to flux-image-updates (the token may read … but not write to it)".</summary>
    public string Describe() => Complete ? $"proven: {string.Join(", ", Proven)}" : $"it cannot {Lacking} ({Reason})";
}

namespace Tidemark.Credentials;

/// <summary>A token read from a source and judged usable. Example: (value, fine-grained inspection, "GITHUB_TOKEN").</summary>
internal sealed record ResolvedToken(string Value, TokenInspection Inspection, string Source)
{
    public TokenFingerprint Fingerprint => Inspection.Fingerprint;

    /// <summary>Never the value: the source and the fingerprint.</summary>
    public override string ToString() => $"{Fingerprint} from {Source}";
}

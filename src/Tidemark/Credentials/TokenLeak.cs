namespace Tidemark.Credentials;

/// <summary>A token found in a file of the work tree. Example: (".env", 3, "classic …9xQz #a1b2c3"). Never the value.</summary>
internal sealed record TokenLeak(string File, int Line, TokenFingerprint Fingerprint)
{
    public override string ToString() => $"{File}:{Line} ({Fingerprint})";
}

namespace Tidemark.Configuration;

/// <summary>Where a setting was written, so errors about it can point there.</summary>
internal sealed record SourcePlace(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

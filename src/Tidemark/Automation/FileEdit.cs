namespace Tidemark.Automation;

/// <summary>A file's text before and after the edit (decoded; written back with its original BOM and endings).</summary>
internal sealed record FileEdit(string File, string Original, string Updated, bool HasBom);

namespace Tidemark.Automation;

/// <summary>
/// A file's text before and after the edit, decoded as the walker decoded it (a BOM stays in the text as
/// U+FEFF, line endings as they were), so encoding <see cref="Updated"/> gives back the original bytes but the edit.
/// </summary>
internal sealed record FileEdit(string File, string Original, string Updated);

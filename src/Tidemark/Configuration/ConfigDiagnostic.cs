namespace Tidemark.Configuration;

/// <summary>A finding about a configuration file, with the place, the field and the fix.</summary>
internal sealed record ConfigDiagnostic(DiagnosticSeverity Severity, string File, int Line, int Column, string Field, string Message, string? Fix = null)
{
    public override string ToString()
    {
        var place = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var fix = Fix is null ? "" : $" ({Fix})";
        return $"{place}: {Severity.ToString().ToLowerInvariant()}: {Field}: {Message}{fix}";
    }
}

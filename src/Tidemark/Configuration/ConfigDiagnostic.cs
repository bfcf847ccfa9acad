namespace Tidemark.Configuration;

/// <summary>A finding about a configuration file, with the place, the field and the fix.</summary>
internal sealed record ConfigDiagnostic(DiagnosticSeverity Severity, string File, int Line, int Column, string Field, string Message, string? Fix = null)
{
    /// <summary>Which file it is about, the operator's or the repository's; shown after the severity when named.</summary>
    public ConfigSide Side { get; init; }

    public override string ToString()
    {
        var place = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var fix = Fix is null ? "" : $" ({Fix})";
        var side = Side switch
        {
            ConfigSide.Operator => " (operator file)",
            ConfigSide.Repository => " (repository file)",
            _ => "",
        };
        return $"{place}: {Severity.ToString().ToLowerInvariant()}{side}: {Field}: {Message}{fix}";
    }
}

namespace Tidemark.Configuration;

internal enum DiagnosticSeverity
{
    Warning,
    Error,
}

namespace Tidemark.Configuration;

/// <summary>The user's configuration is wrong (exit 2). Carries every error found, each with file:line:column.</summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigDiagnostic> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public ConfigurationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public IReadOnlyList<ConfigDiagnostic> Errors { get; }
}

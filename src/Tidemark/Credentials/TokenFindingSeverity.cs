namespace Tidemark.Credentials;

/// <summary>How bad a <see cref="TokenFinding"/> is: an error means the value is not used.</summary>
internal enum TokenFindingSeverity
{
    Info,
    Warning,
    Error,
}

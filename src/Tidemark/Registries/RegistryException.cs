namespace Tidemark.Registries;

/// <summary>
/// A registry request failed for good. The message is for people: what failed, where, why, what to do.
/// It never holds a credential.
/// </summary>
internal sealed class RegistryException : Exception
{
    public RegistryException(RegistryErrorKind kind, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    public RegistryErrorKind Kind { get; }

    /// <summary>The HTTP status of the last answer, when there was one.</summary>
    public int? StatusCode { get; }
}

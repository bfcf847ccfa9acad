namespace Tidemark.Credentials;

/// <summary>
/// Knows every live secret and removes it from text that leaves the process (logs, exceptions, audit
/// events, git output). Example: after <c>Register("s3cr3t")</c>, <c>Redact("token s3cr3t")</c> is
/// <c>"token [REDACTED]"</c>.
/// </summary>
internal interface ISecretRedactor
{
    /// <summary>Adds a secret; its plain text and the base64 forms git and HTTP use are redacted from now on.</summary>
    void Register(string secret);

    /// <summary>Returns <paramref name="text"/> with every registered secret form replaced by <c>[REDACTED]</c>.</summary>
    string Redact(string text);
}

namespace Tidemark.Credentials;

/// <summary>
/// Knows every live secret and removes it from text that leaves the process (logs, exceptions, audit
/// events, git output). Example: after <c>Register("s3cr3t")</c>, <c>Redact("token s3cr3t")</c> is
/// <c>"token [REDACTED]"</c>.
/// </summary>
internal interface ISecretRedactor
{
    /// <summary>Adds a secret; its plain text, its percent-encoded and JSON-escaped forms and any base64 text holding it (e.g. <c>base64(anyuser:SECRET)</c>) are redacted from now on.</summary>
    void Register(string secret);

    /// <summary>Returns <paramref name="text"/> with every registered secret form replaced by <c>[REDACTED]</c>.</summary>
    string Redact(string text);
}

namespace Tidemark.Credentials;

/// <summary>Registers every form of a value read from a token source, before anything else sees it.</summary>
internal static class TokenSecrets
{
    public static string Register(ISecretRedactor redactor, string raw)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(raw);
        var trimmed = raw.Trim();
        redactor.Register(trimmed);
        redactor.Register(trimmed.Trim('"', '\'').Trim());
        // A malformed value (two lines, a PEM key) must not leak line by line either.
        foreach (var line in trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            redactor.Register(line.Trim('"', '\''));
        }

        return raw;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// The checked settings of the <c>app</c> token source (from an <see cref="AppToken"/>). Example: App ID <c>123456</c>,
/// key <c>/var/run/secrets/tidemark-app/private-key.pem</c>, installation <c>7890</c>; the ID may also be the App's
/// client id (<c>Iv23li…</c>); without an installation it is looked up for the repository.
/// </summary>
internal sealed partial record AppSettings(string AppId, string KeyFile, long? InstallationId)
{
    public const string Usage = "app id=APP_ID|CLIENT_ID key=PEM_FILE [installation=ID] — a GitHub App: Tidemark mints an installation token for the repository";

    /// <summary>Checks what <paramref name="spec"/> says (the App or client ID's shape, the key's path, the installation number).</summary>
    public static AppSettings From(AppToken spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = spec.Id.Trim() is { Length: > 0 } given ? given : throw Bad("needs id= (the App ID, or its client ID Iv…)");
        if (!IdShape().IsMatch(id))
        {
            throw Bad($"id '{id}' is neither an App ID (digits) nor a client ID (Iv…)");
        }

        var key = spec.KeyFile.Trim() is { Length: > 0 } path ? path : throw Bad("needs key= (the path of the App's private key .pem file)");
        return new AppSettings(id, key, Installation(spec.Installation?.Trim()));
    }

    private static long? Installation(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Bad($"installation '{text}' is not an installation ID (the number at the end of the installation's settings URL)");
    }

    private static TokenSourceException Bad(string problem) => new("token source app", problem, "write " + Usage);

    [GeneratedRegex("^([0-9]+|Iv[A-Za-z0-9._]+)$")]
    private static partial Regex IdShape();
}

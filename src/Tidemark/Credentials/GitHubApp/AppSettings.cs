using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// The arguments of the <c>app</c> token source, each a <c>key=value</c> string (tidemark.yaml and the run flags map
/// onto them). Example: <c>["id=123456", "key=/var/run/secrets/tidemark-app/private-key.pem", "installation=7890"]</c>;
/// <c>id</c> may also be the App's client id (<c>Iv23li…</c>); without <c>installation</c> it is looked up for the repository.
/// </summary>
internal sealed partial record AppSettings(string AppId, string KeyFile, long? InstallationId)
{
    public const string Usage = "app id=APP_ID|CLIENT_ID key=PEM_FILE [installation=ID] — a GitHub App: Tidemark mints an installation token for the repository";

    public static AppSettings Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw Bad($"argument '{argument}' is not key=value");
            }

            var name = argument[..separator].Trim();
            if (name is not ("id" or "key" or "installation"))
            {
                throw Bad($"has no setting '{name}'");
            }

            if (!values.TryAdd(name, argument[(separator + 1)..].Trim()))
            {
                throw Bad($"gives '{name}' twice");
            }
        }

        var id = values.GetValueOrDefault("id") is { Length: > 0 } given ? given : throw Bad("needs id= (the App ID, or its client ID Iv…)");
        if (!IdShape().IsMatch(id))
        {
            throw Bad($"id '{id}' is neither an App ID (digits) nor a client ID (Iv…)");
        }

        var key = values.GetValueOrDefault("key") is { Length: > 0 } path ? path : throw Bad("needs key= (the path of the App's private key .pem file)");
        return new AppSettings(id, key, Installation(values.GetValueOrDefault("installation")));
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

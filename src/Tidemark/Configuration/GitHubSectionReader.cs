using Tidemark.Credentials;
using YamlDotNet.RepresentationModel;

namespace Tidemark.Configuration;

/// <summary>
/// Reads the <c>github:</c> section: <c>token</c> and <c>nextToken</c> each name exactly one source
/// (<c>env</c>, <c>file</c>, <c>command</c> with an optional <c>timeout</c>, or <c>app</c>), and
/// <c>rotationOverlap</c> is a duration. A token value written in the file is an error, whatever key holds it.
/// </summary>
internal static class GitHubSectionReader
{
    private const string Shapes = "write { env: GITHUB_TOKEN }, { file: PATH }, { command: \"op read op://ci/gh/token\", timeout: 30s } or { app: { id: 12345, privateKeyFile: PATH, installationId: 678 } }";

    private static readonly string[] SourceKeys = ["env", "file", "command", "app"];

    private static readonly string[] SecretKeys = ["value", "token", "password", "secret"];

    public static GitHubConfig Read(YamlMap? map, string file)
    {
        if (map is null)
        {
            return new GitHubConfig();
        }

        var config = new GitHubConfig
        {
            Token = Source(map, "token", file),
            NextToken = Source(map, "nextToken", file),
            RotationOverlap = Overlap(map),
        };
        map.ReportUnknown();
        return config;
    }

    private static TimeSpan Overlap(YamlMap map)
    {
        var text = map.String("rotationOverlap");
        if (text is null)
        {
            return GitHubConfig.DefaultRotationOverlap;
        }

        if (ConfigDurations.TryParse(text) is { } overlap && overlap > TimeSpan.Zero)
        {
            return overlap;
        }

        map.Error(map.Get("rotationOverlap")!, "rotationOverlap", $"\"{text}\" is not a duration", "write a duration such as 24h, 36h or 2d");
        return GitHubConfig.DefaultRotationOverlap;
    }

    /// <summary>One token source at <paramref name="key"/> of <paramref name="parent"/> (errors recorded there); null when absent or wrong. Also read by the service settings.</summary>
    internal static TokenSpec? Source(YamlMap parent, string key, string file)
    {
        var node = parent.Get(key);
        if (node is null or YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return null;
        }

        if (node is YamlScalarNode)
        {
            // never echo the value: it may be the token itself
            parent.Error(node, key, "expected where to read the token from, not a value (tidemark.yaml never holds a secret; if a real token was written here, revoke it)", Shapes);
            return null;
        }

        var map = parent.Map(key);
        if (map is null)
        {
            return null;
        }

        foreach (var secretKey in SecretKeys)
        {
            if (map.Get(secretKey) is { } secret)
            {
                map.Error(secret, secretKey, "tidemark.yaml never holds a secret; it names where to read one (if a real token was written here, revoke it)", Shapes);
            }
        }

        var present = SourceKeys.Where(k => map.Get(k) is not null).ToList();
        if (present.Count != 1)
        {
            var problem = present.Count == 0 ? "names no token source" : $"names {present.Count} token sources ({string.Join(", ", present)}); give exactly one";
            parent.Error(map.Node, key, problem, Shapes);
            map.ReportUnknown();
            return null;
        }

        var place = new SourcePlace(file, (int)map.Node.Start.Line, (int)map.Node.Start.Column);
        TokenSpec? source = present[0] switch
        {
            "env" => Single(map, "env", "write env: GITHUB_TOKEN (the variable's name)") is { } variable ? new EnvToken(variable) { Place = place } : null,
            "file" => Single(map, "file", "write file: /var/run/secrets/github-token/token") is { } path ? new FileToken(path) { Place = place } : null,
            "command" => Command(map, place),
            _ => App(map, place),
        };
        if (present[0] != "command" && map.Get("timeout") is { } timeout)
        {
            map.Error(timeout, "timeout", "applies only to a command source", "remove it, or read the token with command:");
        }

        map.ReportUnknown();
        return source;
    }

    private static string? Single(YamlMap map, string key, string fix)
    {
        var value = map.String(key, fix);
        if (string.IsNullOrWhiteSpace(value))
        {
            map.Error(map.Get(key)!, key, "is empty", fix);
            return null;
        }

        return value.Trim();
    }

    private static CommandToken? Command(YamlMap map, SourcePlace place)
    {
        const string fix = "write command: \"op read op://ci/gh/token\" (split on spaces, run without a shell)";
        var text = map.String("command", fix);
        var words = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (words.Length == 0)
        {
            map.Error(map.Get("command")!, "command", "names no program", fix);
            return null;
        }

        TimeSpan? timeout = null;
        if (map.String("timeout") is { } timeoutText)
        {
            timeout = ConfigDurations.TryParse(timeoutText);
            if (timeout is null || timeout <= TimeSpan.Zero)
            {
                map.Error(map.Get("timeout")!, "timeout", $"\"{timeoutText}\" is not a duration", "write a duration such as 30s or 2m");
            }
        }

        return new CommandToken(words, timeout) { Place = place };
    }

    private static AppToken? App(YamlMap parent, SourcePlace place)
    {
        var map = parent.Map("app");
        if (map is null)
        {
            return null;
        }

        var id = map.String("id");
        var key = map.String("privateKeyFile");
        var installation = map.String("installationId");
        if (id is null)
        {
            map.Error(map.Node, "id", "a GitHub App source needs the App's id or client id", "add 'id: 12345' (the App's settings page shows both)");
        }

        if (key is null)
        {
            map.Error(map.Node, "privateKeyFile", "a GitHub App source needs the private key file", "add 'privateKeyFile: /etc/tidemark/app.pem' (never the key itself)");
        }

        if (map.Get("privateKey") is { } inline)
        {
            map.Error(inline, "privateKey", "tidemark.yaml never holds a private key", "store the PEM in a file and write privateKeyFile: PATH");
        }

        map.ReportUnknown();
        if (id is null || key is null)
        {
            return null;
        }

        return new AppToken(id, key, installation) { Place = place };
    }
}

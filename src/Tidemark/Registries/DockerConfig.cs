using System.Text;
using System.Text.Json;

namespace Tidemark.Registries;

/// <summary>
/// The credential parts of a Docker <c>config.json</c> or a <c>.dockerconfigjson</c> Secret: <c>auths</c>
/// (keys are hosts or URLs; <c>auth</c> is base64 <c>user:pass</c>, or <c>username</c>/<c>password</c>, or
/// <c>identitytoken</c>), <c>credsStore</c> and <c>credHelpers</c>. Unknown fields are ignored.
/// </summary>
internal sealed record DockerConfig(
    IReadOnlyDictionary<string, DockerAuthEntry> Auths,
    string? CredsStore,
    IReadOnlyDictionary<string, string> CredHelpers)
{
    public static DockerConfig Empty { get; } = new(new Dictionary<string, DockerAuthEntry>(), null, new Dictionary<string, string>());

    /// <summary>Parses the JSON; throws <see cref="FormatException"/> without echoing the content (it holds secrets).</summary>
    public static DockerConfig Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the file is not a JSON object");
            }

            return new DockerConfig(ReadAuths(root), ReadString(root, "credsStore"), ReadHelpers(root));
        }
        catch (JsonException e)
        {
            throw new FormatException($"the file is not valid JSON (line {e.LineNumber + 1})");
        }
    }

    /// <summary>The helper to ask for <paramref name="registry"/>: its credHelpers entry, else credsStore.</summary>
    public string? HelperFor(string registry)
    {
        var host = RegistryHost.Canonical(registry);
        foreach (var (key, helper) in CredHelpers)
        {
            if (RegistryHost.Canonical(key) == host && helper.Length > 0)
            {
                return helper;
            }
        }

        return string.IsNullOrEmpty(CredsStore) ? null : CredsStore;
    }

    public bool HasHelperEntry(string registry)
    {
        var host = RegistryHost.Canonical(registry);
        return CredHelpers.Keys.Any(key => RegistryHost.Canonical(key) == host);
    }

    /// <summary>The auths entry for <paramref name="registry"/> that carries a credential, if any.</summary>
    public RegistryCredential? FindAuth(string registry)
    {
        var host = RegistryHost.Canonical(registry);
        foreach (var (key, entry) in Auths)
        {
            if (RegistryHost.Canonical(key) == host && entry.ToCredential() is { } credential)
            {
                return credential;
            }
        }

        return null;
    }

    private static Dictionary<string, DockerAuthEntry> ReadAuths(JsonElement root)
    {
        var auths = new Dictionary<string, DockerAuthEntry>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("auths", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return auths;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                auths[property.Name] = ReadEntry(property.Value);
            }
        }

        return auths;
    }

    private static DockerAuthEntry ReadEntry(JsonElement entry)
    {
        var username = ReadString(entry, "username");
        var password = ReadString(entry, "password");
        var auth = ReadString(entry, "auth");
        if (!string.IsNullOrEmpty(auth) && DecodeAuth(auth) is var (user, pass))
        {
            username = user;
            password = pass;
        }

        return new DockerAuthEntry(username, password, ReadString(entry, "identitytoken"));
    }

    private static (string User, string Password)? DecodeAuth(string auth)
    {
        var buffer = new byte[auth.Length];
        if (!Convert.TryFromBase64String(auth.Trim(), buffer, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
    }

    private static Dictionary<string, string> ReadHelpers(JsonElement root)
    {
        var helpers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("credHelpers", out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    helpers[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return helpers;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

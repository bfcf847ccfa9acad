using System.Text.Json;

namespace Tidemark.Manifests.FluxSetters;

/// <summary>
/// Reads a Flux setter marker as Flux does (image-automation-controller <c>internal/update/setters.go</c>, kyaml
/// <c>fieldmeta.go</c>): leading <c>#</c>s stripped, the rest must be a JSON object of strings with key
/// <c>$imagepolicy</c> whose value is <c>NAMESPACE:NAME</c> or <c>NAMESPACE:NAME:tag|name|digest</c>.
/// Unlike Flux, a marker that cannot be used gives a reason instead of being ignored silently.
/// </summary>
internal static class MarkerParser
{
    public const string Key = "$imagepolicy";

    /// <summary>The marker in <paramref name="comment"/> (e.g. <c># {"$imagepolicy": "ns:app:tag"}</c>), or why it cannot be used.</summary>
    public static (SetterMarker? Marker, string? Error) Parse(string comment, int line)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var json = comment.TrimStart('#').Trim();
        if (ObjectOfStrings(json) is not { } values)
        {
            return (null, WhyNotJson(json));
        }
        if (!values.TryGetValue(Key, out var value))
        {
            return (null, $"the comment mentions {Key} but has no \"{Key}\" key");
        }
        return Form(value, line);
    }

    private static Dictionary<string, string>? ObjectOfStrings(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return null;
                }
                values[property.Name] = property.Value.GetString()!;
            }
            return values;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string WhyNotJson(string json)
    {
        const string Ignored = "; Flux ignores this marker silently";
        if (json.Contains('\'', StringComparison.Ordinal) && !json.Contains('"', StringComparison.Ordinal))
        {
            return "the marker uses single quotes, which are not JSON" + Ignored;
        }
        var open = json.IndexOf('{', StringComparison.Ordinal);
        var close = json.LastIndexOf('}');
        if (open > 0 || (close >= 0 && close < json.Length - 1))
        {
            return "the comment has text besides the JSON object" + Ignored;
        }
        return "the marker is not a JSON object of strings" + Ignored;
    }

    private static (SetterMarker?, string?) Form(string value, int line)
    {
        var parts = value.Split(':');
        if (parts.Any(p => p.Trim().Length == 0 || p != p.Trim()))
        {
            return (null, $"the marker value \"{value}\" has an empty part; expected NAMESPACE:NAME[:tag|:name|:digest]");
        }
        return parts.Length switch
        {
            1 => (null, $"the marker value \"{value}\" has no namespace; Flux needs NAMESPACE:NAME (there is no default namespace)"),
            2 => (new SetterMarker(parts[0], parts[1], MarkerForm.Full, line), null),
            3 when SuffixForm(parts[2]) is { } form => (new SetterMarker(parts[0], parts[1], form, line), null),
            3 => (null, $"the marker suffix \":{parts[2]}\" is not one of :tag, :name, :digest"),
            _ => (null, $"the marker value \"{value}\" has too many ':' parts; expected NAMESPACE:NAME[:tag|:name|:digest]"),
        };
    }

    private static MarkerForm? SuffixForm(string suffix) => suffix switch
    {
        "tag" => MarkerForm.Tag,
        "name" => MarkerForm.Name,
        "digest" => MarkerForm.Digest,
        _ => null,
    };
}

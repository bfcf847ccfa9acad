using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tidemark.Automation;

/// <summary>
/// The hidden line at the end of a Tidemark pull request body that names its update branch and the tag it
/// proposes for every image, e.g. <c>&lt;!-- tidemark: {"branch":"flux-image-updates","targets":{"nginx":"1.27.3"}} --&gt;</c>.
/// It lets a later run recognise its own pull requests and tell a person's "no" (closed without merging) to a set of targets.
/// </summary>
internal sealed partial record PullRequestMarker(string Branch, IReadOnlyDictionary<string, string> Targets)
{
    public string Render()
    {
        var ordered = new SortedDictionary<string, string>(Targets.ToDictionary(), StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["branch"] = Branch, ["targets"] = ordered });
        return $"<!-- tidemark: {json} -->";
    }

    /// <summary>The marker in <paramref name="body"/>, or null when the body has none (not a Tidemark pull request).</summary>
    public static PullRequestMarker? Parse(string? body)
    {
        var match = body is null ? Match.Empty : MarkerPattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(match.Groups["json"].Value);
            var root = document.RootElement;
            var branch = root.GetProperty("branch").GetString() ?? "";
            var targets = root.GetProperty("targets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            return new PullRequestMarker(branch, targets);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>True when both name the same images with the same tags.</summary>
    public bool SameTargets(IReadOnlyDictionary<string, string> other) =>
        Targets.Count == other.Count && Targets.All(t => other.TryGetValue(t.Key, out var tag) && tag == t.Value);

    [GeneratedRegex(@"<!-- tidemark: (?<json>\{.*?\}\}) -->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();
}

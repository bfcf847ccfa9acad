using System.Text.Json.Nodes;
using Tidemark.IntegrationTests.GitHub;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>One request and GitHub's real answer from an <c>@octokit/fixtures</c> scenario (normalized-fixture.json).</summary>
internal sealed record RecordedCall(string Method, string Path, int Status, string ResponseBody, IReadOnlyDictionary<string, string> Headers)
{
    public static IReadOnlyList<RecordedCall> Scenario(string scenario)
    {
        var file = System.IO.Path.Combine(OpenApiSpec.SpecPath, "fixtures/scenarios/api.github.com", scenario, "normalized-fixture.json");
        Assert.True(File.Exists(file), $"{file} is missing: run scripts/ensure-npm.sh");
        var entries = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        return [.. entries.Select(e => Parse(e!.AsObject()))];
    }

    private static RecordedCall Parse(JsonObject entry)
    {
        var response = entry["response"];
        var body = response is JsonValue v && v.TryGetValue<string>(out var text) ? text : response?.ToJsonString() ?? "";
        var headers = (entry["headers"] as JsonObject ?? [])
            .ToDictionary(h => h.Key, h => h.Value is JsonValue hv && hv.TryGetValue<string>(out var s) ? s : h.Value?.ToJsonString() ?? "", StringComparer.OrdinalIgnoreCase);
        return new RecordedCall(
            entry["method"]!.GetValue<string>().ToUpperInvariant(),
            entry["path"]!.GetValue<string>(),
            entry["status"]!.GetValue<int>(),
            body,
            headers);
    }
}

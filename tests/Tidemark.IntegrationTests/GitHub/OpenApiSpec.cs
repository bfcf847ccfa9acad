using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>
/// GitHub's OpenAPI description (npm @octokit/openapi 23.0.2, installed by scripts/ensure-npm.sh), loaded and
/// indexed once per test run. OpenAPI 3.0 <c>nullable: true</c> is rewritten to JSON Schema before evaluation.
/// </summary>
internal sealed class OpenApiSpec
{
    private const string BaseUri = "https://tidemark.test/openapi";
    private static readonly Lazy<OpenApiSpec> Shared = new(Load);
    private readonly List<(Regex Path, string Template, int Literals, JsonObject Item)> paths = [];
    private readonly BuildOptions build;

    private OpenApiSpec(JsonObject root)
    {
        var components = new JsonObject { ["components"] = new JsonObject { ["schemas"] = Convert(root["components"]!["schemas"]!.DeepClone()) } };
        using var document = JsonDocument.Parse(components.ToJsonString());
        build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        build.SchemaRegistry.Register(new Uri(BaseUri), new JsonElementBaseDocument(document.RootElement.Clone(), new Uri(BaseUri)));
        foreach (var (template, item) in root["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{ref}$", ".+");
            pattern = Regex.Replace(pattern, @"\\\{[a-z_]+}", "[^/]+") + "/?$";
            paths.Add((new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), template, template.Count(c => c == '{') * -1, item!.AsObject()));
        }
    }

    public static string SpecPath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tidemark.slnx")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? ".", ".cache/npm/node_modules/@octokit");
        }
    }

    public static OpenApiSpec Instance => Shared.Value;

    private static OpenApiSpec Load()
    {
        var file = Path.Combine(SpecPath, "openapi/generated/api.github.com.json");
        Assert.True(File.Exists(file), $"{file} is missing: run scripts/ensure-npm.sh");
        using var stream = File.OpenRead(file);
        return new OpenApiSpec(JsonNode.Parse(stream)!.AsObject());
    }

    /// <summary>The most specific path template matching a request path, with its operation for the method.</summary>
    public (string Template, JsonObject Operation)? Find(string method, string path)
    {
        var match = paths.Where(p => p.Path.IsMatch(path) && p.Item.ContainsKey(method.ToLowerInvariant()))
            .OrderByDescending(p => p.Literals).FirstOrDefault();
        return match.Item is null ? null : (match.Template, match.Item[method.ToLowerInvariant()]!.AsObject());
    }

    /// <summary>The response schema of an operation for a status, with $refs made absolute; null when the status has no JSON body.</summary>
    public JsonSchema? ResponseSchema(JsonObject operation, int status, out bool documented)
    {
        var responses = operation["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        documented = response is not null;
        var source = response is null ? JsonNode.Parse("""{"$ref":"#/components/schemas/basic-error"}""") : ResolveResponse(response);
        if (source is null)
        {
            return null;
        }

        var text = source.ToJsonString().Replace("\"#/components/", $"\"{BaseUri}#/components/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, build);
    }

    private JsonNode? ResolveResponse(JsonNode response)
    {
        if (response["$ref"]?.GetValue<string>() is { } reference)
        {
            response = Responses[reference.Split('/')[^1]]!;
        }

        var schema = response["content"]?["application/json"]?["schema"];
        return schema is null ? null : Convert(schema.DeepClone());
    }

    private static JsonObject Responses => ResponsesCache.Value;

    private static readonly Lazy<JsonObject> ResponsesCache = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(SpecPath, "openapi/generated/api.github.com.json"));
        return JsonNode.Parse(stream)!["components"]!["responses"]!.DeepClone().AsObject();
    });

    /// <summary>OpenAPI 3.0 → JSON Schema: <c>nullable: true</c> becomes a "null" type (or an anyOf with null).</summary>
    public static JsonNode Convert(JsonNode node) => Convert(node, propertyMap: false);

    private static readonly string[] OpenApiOnly = ["example", "discriminator", "xml", "externalDocs"];

    private static JsonNode Convert(JsonNode node, bool propertyMap)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.Where(i => i is not null))
            {
                Convert(item!, propertyMap: false);
            }

            return node;
        }

        if (node is not JsonObject obj)
        {
            return node;
        }

        foreach (var (key, child) in obj.ToList())
        {
            if (!propertyMap && (OpenApiOnly.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal)))
            {
                obj.Remove(key);
            }
            else if (child is not null)
            {
                Convert(child, propertyMap: !propertyMap && key is "properties" or "patternProperties");
            }
        }

        if (propertyMap)
        {
            return node;
        }

        if (obj["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True)
        {
            obj.Remove("nullable");
            MakeNullable(obj);
        }

        return node;
    }

    private static void MakeNullable(JsonObject obj)
    {
        if (obj["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        if (obj["type"] is JsonValue type)
        {
            obj["type"] = new JsonArray(type.GetValue<string>(), "null");
            return;
        }

        var copy = new JsonObject();
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            copy[key] = value;
        }

        obj["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" });
    }
}

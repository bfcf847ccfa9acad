using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>basic-error and validation-error bodies (<c>status</c> is a string, as GitHub sends it).</summary>
internal static class ErrorViews
{
    public static JsonObject Basic(string message, int status, string documentation = "https://docs.github.com/rest") => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentation,
        ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static JsonObject Validation(string documentation, params JsonObject[] errors) => new()
    {
        ["message"] = "Validation Failed",
        ["errors"] = new JsonArray([.. errors]),
        ["documentation_url"] = documentation,
        ["status"] = "422",
    };

    public static JsonObject Custom(string resource, string message) => new()
    {
        ["resource"] = resource,
        ["code"] = "custom",
        ["message"] = message,
    };

    public static JsonObject Field(string resource, string field, string code) => new()
    {
        ["resource"] = resource,
        ["field"] = field,
        ["code"] = code,
    };
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tidemark.Testing.GitHub;

/// <summary>Helpers every REST endpoint uses: links, authorisation with GitHub's error bodies, JSON in and out.</summary>
internal static class Rest
{
    public const string ApiV3 = "/api/v3";

    public static ApiLinks Links(HttpContext context, SimulatorContext simulator)
    {
        var ghes = context.Request.Path.StartsWithSegments(ApiV3, StringComparison.Ordinal);
        return new ApiLinks(simulator.WebRoot + (ghes ? ApiV3 : ""), simulator.WebRoot);
    }

    public static IResult Json(int status, JsonNode? body, string? location = null) => new JsonBody(status, body, location);

    public static IResult NotFound(string documentation = "https://docs.github.com/rest") =>
        Json(404, ErrorViews.Basic("Not Found", 404, documentation));

    /// <summary>Authenticates and authorises a repository operation; on failure the result is GitHub's refusal.</summary>
    public static RepositoryAccess Authorize(HttpContext context, SimulatorContext simulator, string owner, string name, Requirement requirement)
    {
        var (token, denial) = simulator.Access.Authenticate(context.Request.Headers.Authorization);
        if (denial is not null)
        {
            return new RepositoryAccess(null, null, Deny(context, simulator, denial));
        }

        var repository = simulator.State.FindRepository(owner, name);
        if (token is { Kind: not TokenKind.Classic })
        {
            context.Response.Headers["X-Accepted-GitHub-Permissions"] = requirement.ToString();
        }

        denial = simulator.Access.Check(token, repository, requirement);
        return denial is null
            ? new RepositoryAccess(repository, token, null)
            : new RepositoryAccess(null, token, Deny(context, simulator, denial));
    }

    public static IResult Deny(HttpContext context, SimulatorContext simulator, Denial denial)
    {
        switch (denial.Reason)
        {
            case DenialReason.BadCredentials:
                return Json(401, ErrorViews.Basic("Bad credentials", 401));
            case DenialReason.RequiresAuthentication:
                return Json(401, ErrorViews.Basic("Requires authentication", 401));
            case DenialReason.SsoRequired:
                var org = denial.Repository!.Owner.Login;
                context.Response.Headers["X-GitHub-SSO"] = $"required; url={SsoUrl(simulator, org)}";
                return Json(403, ErrorViews.Basic(
                    "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.", 403));
            case DenialReason.ClassicTokensBlocked:
                return Json(403, ErrorViews.Basic(ClassicBlockedMessage(denial.Repository!.Owner.Login), 403));
            case DenialReason.LifetimeTooLong:
                return Json(403, ErrorViews.Basic(LifetimeMessage(denial.Repository!.Owner, denial.Token!), 403));
            case DenialReason.Archived:
                return Json(403, ErrorViews.Basic("Repository was archived so is read-only.", 403));
            case DenialReason.MissingPermission when denial.Token is { Kind: TokenKind.Installation }:
                return Json(403, ErrorViews.Basic("Resource not accessible by integration", 403));
            case DenialReason.MissingPermission when denial.Token is { Kind: TokenKind.FineGrained } || denial.Repository is { Private: false }:
                return Json(403, ErrorViews.Basic("Resource not accessible by personal access token", 403));
            default:
                return NotFound();
        }
    }

    public static string SsoUrl(SimulatorContext simulator, string org) =>
        $"{simulator.WebRoot}/orgs/{org}/sso?authorization_request={TokenValues.Random(20)}";

    public static string ClassicBlockedMessage(string org) =>
        $"`{org}` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.";

    /// <summary>GitHub's refusal of a token whose lifetime exceeds the organisation's limit (research github.md §1).</summary>
    public static string LifetimeMessage(SimAccount org, SimToken token) => token.Kind == TokenKind.Classic
        ? $"The '{org.Login}' organization forbids access via a personal access token (classic) whose lifetime is too long."
        : $"The '{org.Login}' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than {org.MaxTokenLifetimeDays} days.";

    /// <summary>The request body as a JSON object, or GitHub's 400 answer.</summary>
    /// <summary>A write endpoint's start: the caller may do <paramref name="requirement"/> on the repository, and the body is a JSON object.</summary>
    public static async Task<(RepositoryAccess Access, JsonObject? Body, IResult? Error)> AuthorizeWithBodyAsync(HttpContext context, SimulatorContext simulator, string owner, string name, Requirement requirement)
    {
        var access = Authorize(context, simulator, owner, name, requirement);
        if (access.Error is not null)
        {
            return (access, null, access.Error);
        }

        var (body, error) = await ReadObjectAsync(context);
        return (access, body, error);
    }

    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new JsonObject(), null);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject body
                ? (body, null)
                : (null, Json(400, ErrorViews.Basic("Body should be a JSON object", 400)));
        }
        catch (JsonException)
        {
            return (null, Json(400, ErrorViews.Basic("Problems parsing JSON", 400)));
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static IReadOnlyList<string> Strings(JsonObject body, string name) =>
        body[name] is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)] : [];
}

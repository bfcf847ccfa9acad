using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// GitHub App endpoints, authenticated with the App's JWT: the App itself, the installation for a repository, and
/// minting installation tokens (narrowed by <c>repositories</c> and <c>permissions</c>; 422 when the installation
/// lacks a repository or a permission; valid one hour).
/// </summary>
internal static class AppEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.MapGet("/app", (HttpContext c) => GetApp(c, sim));
        routes.MapGet("/repos/{owner}/{repo}/installation", (HttpContext c, string owner, string repo) => GetInstallation(c, sim, owner, repo));
        routes.MapPost("/app/installations/{id:long}/access_tokens", (HttpContext c, long id) => MintAsync(c, sim, id));
    }

    private static (SimApp? App, IResult? Error) AuthenticateApp(HttpContext context, SimulatorContext sim)
    {
        var jwt = CredentialParser.BearerFrom(context.Request.Headers.Authorization);
        if (jwt is null)
        {
            return (null, Rest.Json(401, ErrorViews.Basic("A JSON web token could not be decoded", 401)));
        }

        List<SimApp> apps;
        lock (sim.State.Gate)
        {
            apps = [.. sim.State.Apps.Values];
        }

        var (app, error) = AppJwt.Verify(jwt, apps, sim.Time.GetUtcNow());
        return error is null ? (app, null) : (null, Rest.Json(401, ErrorViews.Basic(error, 401)));
    }

    private static IResult GetApp(HttpContext context, SimulatorContext sim)
    {
        var (app, error) = AuthenticateApp(context, sim);
        if (error is not null)
        {
            return error;
        }

        var links = Rest.Links(context, sim);
        lock (sim.State.Gate)
        {
            var owner = app!.Owner ?? sim.State.Installations.Values.FirstOrDefault(i => i.App == app)?.Account ?? sim.State.Accounts.Values.FirstOrDefault();
            var installations = sim.State.Installations.Values.Count(i => i.App == app);
            return Rest.Json(200, new JsonObject
            {
                ["id"] = app.Id,
                ["slug"] = app.Slug,
                ["node_id"] = "A_" + app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["client_id"] = app.ClientId,
                ["owner"] = owner is null ? UserViews.Simple(app.Slug + "-owner", app.Id, false, links) : UserViews.Simple(owner, links),
                ["name"] = app.Slug,
                ["description"] = null,
                ["external_url"] = $"{links.Web}/apps/{app.Slug}",
                ["html_url"] = $"{links.Web}/apps/{app.Slug}",
                ["created_at"] = links.Time(app.CreatedAt),
                ["updated_at"] = links.Time(app.CreatedAt),
                ["permissions"] = new JsonObject([.. sim.State.Installations.Values.Where(i => i.App == app).SelectMany(i => i.Permissions)
                    .GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.First().Value))]),
                ["events"] = new JsonArray(),
                ["installations_count"] = installations,
            });
        }
    }

    private static IResult GetInstallation(HttpContext context, SimulatorContext sim, string owner, string name)
    {
        var (app, error) = AuthenticateApp(context, sim);
        if (error is not null)
        {
            return error;
        }

        lock (sim.State.Gate)
        {
            var installation = sim.State.Installations.Values.FirstOrDefault(i => i.App == app
                && i.Account.Login.Equals(owner, StringComparison.OrdinalIgnoreCase)
                && (i.Repositories is null || i.Repositories.Contains(name)));
            var exists = sim.State.Repositories.ContainsKey(owner + "/" + name);
            return installation is null || !exists
                ? Rest.NotFound("https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app")
                : Rest.Json(200, Installation(installation, Rest.Links(context, sim)));
        }
    }

    private static async Task<IResult> MintAsync(HttpContext context, SimulatorContext sim, long id)
    {
        var (app, error) = AuthenticateApp(context, sim);
        if (error is not null)
        {
            return error;
        }

        var (body, bodyError) = await Rest.ReadObjectAsync(context);
        if (bodyError is not null)
        {
            return bodyError;
        }

        const string Docs = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";
        SimInstallation? installation;
        lock (sim.State.Gate)
        {
            installation = sim.State.Installations.GetValueOrDefault(id);
        }

        if (installation is null || installation.App != app)
        {
            return Rest.NotFound(Docs);
        }

        var repositories = Rest.Strings(body!, "repositories");
        if (installation.Repositories is not null && repositories.Any(r => !installation.Repositories.Contains(r)))
        {
            return Rest.Json(422, ErrorViews.Basic("There is at least one repository that does not exist or is not accessible to the parent installation.", 422, Docs));
        }

        var permissions = RequestedPermissions(body!, installation);
        if (permissions is null)
        {
            return Rest.Json(422, ErrorViews.Basic("The permissions requested are not granted to this installation.", 422, Docs));
        }

        return Rest.Json(201, Issue(sim, context, installation, repositories, permissions));
    }

    /// <summary>The narrowed permissions, or null when any asks for more than the installation has.</summary>
    private static Dictionary<string, string>? RequestedPermissions(JsonObject body, SimInstallation installation)
    {
        if (body["permissions"] is not JsonObject requested)
        {
            return new Dictionary<string, string>(installation.Permissions);
        }

        var result = new Dictionary<string, string>();
        foreach (var (name, value) in requested)
        {
            var level = value?.ToString() ?? "";
            if (!AccessControl.LevelAtLeast(installation.Permissions.GetValueOrDefault(name), level))
            {
                return null;
            }

            result[name] = level;
        }

        result.TryAdd("metadata", "read");
        return result;
    }

    private static JsonObject Issue(SimulatorContext sim, HttpContext context, SimInstallation installation, IReadOnlyList<string> repositories, Dictionary<string, string> permissions)
    {
        var selected = repositories.Count > 0 ? repositories.ToHashSet(StringComparer.OrdinalIgnoreCase) : installation.Repositories;
        var token = new SimToken
        {
            Id = "t" + sim.State.NextId(),
            Value = TokenValues.New(TokenKind.Installation),
            Kind = TokenKind.Installation,
            Login = installation.App.Slug + "[bot]",
            Permissions = permissions,
            Repositories = selected,
            ResourceOwner = installation.Account.Login,
            InstallationId = installation.Id,
            ExpiresAt = sim.Time.GetUtcNow().AddHours(1),
        };
        sim.State.AddToken(token);
        var links = Rest.Links(context, sim);
        var json = new JsonObject
        {
            ["token"] = token.Value,
            ["expires_at"] = links.Time(token.ExpiresAt.Value),
            ["permissions"] = new JsonObject([.. permissions.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["repository_selection"] = selected is null ? "all" : "selected",
        };
        if (selected is not null)
        {
            lock (sim.State.Gate)
            {
                json["repositories"] = new JsonArray([.. selected
                    .Select(r => sim.State.Repositories.GetValueOrDefault(installation.Account.Login + "/" + r))
                    .OfType<SimRepository>().Select(r => (JsonNode)RepositoryViews.Repository(r, links, token))]);
            }
        }

        return json;
    }

    private static JsonObject Installation(SimInstallation installation, ApiLinks links) => new()
    {
        ["id"] = installation.Id,
        ["account"] = UserViews.Simple(installation.Account, links),
        ["repository_selection"] = installation.Repositories is null ? "all" : "selected",
        ["access_tokens_url"] = $"{links.Api}/app/installations/{installation.Id}/access_tokens",
        ["repositories_url"] = $"{links.Api}/installation/repositories",
        ["html_url"] = $"{links.Web}/settings/installations/{installation.Id}",
        ["app_id"] = installation.App.Id,
        ["client_id"] = installation.App.ClientId,
        ["app_slug"] = installation.App.Slug,
        ["target_id"] = installation.Account.Id,
        ["target_type"] = installation.Account.IsOrganization ? "Organization" : "User",
        ["permissions"] = new JsonObject([.. installation.Permissions.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        ["events"] = new JsonArray(),
        ["created_at"] = links.Time(installation.CreatedAt),
        ["updated_at"] = links.Time(installation.CreatedAt),
        ["single_file_name"] = null,
        ["suspended_by"] = null,
        ["suspended_at"] = null,
    };
}

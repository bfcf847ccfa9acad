using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>Repository, user, rate limit, branch, protection, rules and label endpoints.</summary>
internal static class RepositoryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.MapGet("/repos/{owner}/{repo}", (HttpContext c, string owner, string repo) => GetRepository(c, sim, owner, repo));
        routes.MapGet("/user", (HttpContext c) => GetUser(c, sim));
        routes.MapGet("/rate_limit", (HttpContext c) => GetRateLimit(c, sim));
        routes.MapGet("/repos/{owner}/{repo}/branches/{branch}", (HttpContext c, string owner, string repo, string branch, CancellationToken ct) => GetBranchAsync(c, sim, owner, repo, branch, ct));
        routes.MapGet("/repos/{owner}/{repo}/branches/{branch}/protection", (HttpContext c, string owner, string repo, string branch) => GetProtection(c, sim, owner, repo, branch));
        routes.MapGet("/repos/{owner}/{repo}/rules/branches/{branch}", (HttpContext c, string owner, string repo, string branch) => GetRules(c, sim, owner, repo, branch));
        routes.MapPost("/repos/{owner}/{repo}/labels", (HttpContext c, string owner, string repo) => CreateLabelAsync(c, sim, owner, repo));
    }

    private static IResult GetRepository(HttpContext context, SimulatorContext sim, string owner, string name)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.MetadataRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        lock (sim.State.Gate)
        {
            return Rest.Json(200, RepositoryViews.Full(access.Repository!, Rest.Links(context, sim), access.Token));
        }
    }

    private static IResult GetUser(HttpContext context, SimulatorContext sim)
    {
        var (token, denial) = sim.Access.Authenticate(context.Request.Headers.Authorization);
        if (denial is not null || token is null)
        {
            return Rest.Deny(context, sim, denial ?? new Denial(DenialReason.RequiresAuthentication, null, null, ""));
        }

        if (token.Kind == TokenKind.Installation)
        {
            return Rest.Json(403, ErrorViews.Basic("Resource not accessible by integration", 403, "https://docs.github.com/rest/users/users#get-the-authenticated-user"));
        }

        var account = sim.State.FindAccount(token.Login);
        return account is null ? Rest.NotFound() : Rest.Json(200, UserViews.Private(account, Rest.Links(context, sim)));
    }

    private static IResult GetRateLimit(HttpContext context, SimulatorContext sim)
    {
        var (token, denial) = sim.Access.Authenticate(context.Request.Headers.Authorization);
        if (denial is not null)
        {
            return Rest.Deny(context, sim, denial);
        }

        var limit = token is null ? 60 : 5000;
        var reset = sim.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        JsonObject Bucket(int max) => new() { ["limit"] = max, ["used"] = 0, ["remaining"] = max, ["reset"] = reset };
        return Rest.Json(200, new JsonObject
        {
            ["resources"] = new JsonObject { ["core"] = Bucket(limit), ["search"] = Bucket(30), ["graphql"] = Bucket(limit) },
            ["rate"] = Bucket(limit),
        });
    }

    private static async Task<IResult> GetBranchAsync(HttpContext context, SimulatorContext sim, string owner, string name, string branch, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.ContentsRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var repository = access.Repository!;
        var output = await sim.Git.RunAsync(repository.GitDirectory, ["log", "-1", "--format=" + CommitInfo.Format, "refs/heads/" + branch, "--"], cancellationToken);
        if (output.ExitCode != 0 || output.Stdout.Length == 0)
        {
            return Rest.Json(404, ErrorViews.Basic("Branch not found", 404, "https://docs.github.com/rest/branches/branches#get-a-branch"));
        }

        lock (sim.State.Gate)
        {
            return Rest.Json(200, GitViews.Branch(repository, branch, CommitInfo.Parse(output.Stdout), Rest.Links(context, sim)));
        }
    }

    private static IResult GetProtection(HttpContext context, SimulatorContext sim, string owner, string name, string branch)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.AdministrationRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        lock (sim.State.Gate)
        {
            return access.Repository!.Protections.TryGetValue(branch, out var protection)
                ? Rest.Json(200, GitViews.Protection(access.Repository, branch, protection, Rest.Links(context, sim)))
                : Rest.Json(404, new JsonObject
                {
                    ["message"] = "Branch not protected",
                    ["documentation_url"] = "https://docs.github.com/rest/branches/branch-protection#get-branch-protection",
                    ["status"] = "404",
                });
        }
    }

    private static IResult GetRules(HttpContext context, SimulatorContext sim, string owner, string name, string branch)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.MetadataRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        lock (sim.State.Gate)
        {
            var rules = RefPattern.ActiveFor(access.Repository!, branch)
                .SelectMany(r => r.Rules.Select(type => (JsonNode)GitViews.Rule(r, type)));
            return Rest.Json(200, new JsonArray([.. rules]));
        }
    }

    private static async Task<IResult> CreateLabelAsync(HttpContext context, SimulatorContext sim, string owner, string name)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.IssuesOrPullsWrite);
        if (error is not null)
        {
            return error;
        }

        var label = Rest.String(body!, "name");
        var color = Rest.String(body!, "color") ?? "ededed";
        const string Docs = "https://docs.github.com/rest/issues/labels#create-a-label";
        if (string.IsNullOrEmpty(label))
        {
            return Rest.Json(422, ErrorViews.Validation(Docs, ErrorViews.Field("Label", "name", "missing_field")));
        }

        if (!Regex.IsMatch(color, "^[0-9a-fA-F]{6}$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return Rest.Json(422, ErrorViews.Validation(Docs, ErrorViews.Field("Label", "color", "invalid")));
        }

        lock (sim.State.Gate)
        {
            if (access.Repository!.Labels.ContainsKey(label))
            {
                return Rest.Json(422, ErrorViews.Validation(Docs, ErrorViews.Field("Label", "name", "already_exists")));
            }

            access.Repository.Labels[label] = color.ToLowerInvariant();
            var json = LabelViews.Label(access.Repository, label, Rest.Links(context, sim));
            return Rest.Json(201, json, json["url"]!.GetValue<string>());
        }
    }
}

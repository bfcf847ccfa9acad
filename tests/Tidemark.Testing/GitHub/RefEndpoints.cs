using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>git refs endpoints, reading and writing the real bare repository (API writes bypass push rules).</summary>
internal static class RefEndpoints
{
    private const string Docs = "https://docs.github.com/rest/git/refs";

    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.MapGet("/repos/{owner}/{repo}/git/ref/{**ref}", (HttpContext c, string owner, string repo, string @ref, CancellationToken ct) => GetAsync(c, sim, owner, repo, @ref, ct));
        routes.MapGet("/repos/{owner}/{repo}/git/matching-refs/{**ref}", (HttpContext c, string owner, string repo, string? @ref, CancellationToken ct) => ListAsync(c, sim, owner, repo, @ref ?? "", ct));
        routes.MapGet("/repos/{owner}/{repo}/git/refs", (HttpContext c, string owner, string repo, CancellationToken ct) => ListAsync(c, sim, owner, repo, "", ct));
        routes.MapPost("/repos/{owner}/{repo}/git/refs", (HttpContext c, string owner, string repo, CancellationToken ct) => CreateAsync(c, sim, owner, repo, ct));
        routes.MapPatch("/repos/{owner}/{repo}/git/refs/{**ref}", (HttpContext c, string owner, string repo, string @ref, CancellationToken ct) => UpdateAsync(c, sim, owner, repo, @ref, ct));
        routes.MapDelete("/repos/{owner}/{repo}/git/refs/{**ref}", (HttpContext c, string owner, string repo, string @ref, CancellationToken ct) => DeleteAsync(c, sim, owner, repo, @ref, ct));
    }

    private static async Task<IResult> GetAsync(HttpContext context, SimulatorContext sim, string owner, string name, string refName, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.ContentsRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var full = "refs/" + refName;
        var sha = await sim.Git.ResolveAsync(access.Repository!.GitDirectory, full, cancellationToken);
        return sha is null
            ? Rest.NotFound(Docs + "#get-a-reference")
            : Rest.Json(200, GitViews.Ref(access.Repository, full, sha, Rest.Links(context, sim)));
    }

    private static async Task<IResult> ListAsync(HttpContext context, SimulatorContext sim, string owner, string name, string prefix, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.ContentsRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var output = await sim.Git.RunCheckedAsync(access.Repository!.GitDirectory, ["for-each-ref", "--format=%(refname) %(objectname)", "refs/"], cancellationToken);
        var links = Rest.Links(context, sim);
        var items = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts[0].StartsWith("refs/" + prefix, StringComparison.Ordinal))
            .Select(parts => (JsonNode)GitViews.Ref(access.Repository, parts[0], parts[1], links));
        return Rest.Json(200, new JsonArray([.. items]));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorContext sim, string owner, string name, CancellationToken cancellationToken)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.ContentsWrite);
        if (error is not null)
        {
            return error;
        }

        var refName = Rest.String(body!, "ref") ?? "";
        var sha = Rest.String(body!, "sha") ?? "";
        var gitDir = access.Repository!.GitDirectory;
        if (!refName.StartsWith("refs/", StringComparison.Ordinal) || refName.Count(c => c == '/') < 2)
        {
            return Rest.Json(422, ErrorViews.Basic("Reference name must start with 'refs/' and have at least two slashes.", 422, Docs + "#create-a-reference"));
        }

        if (await sim.Git.ResolveAsync(gitDir, refName, cancellationToken) is not null)
        {
            return Rest.Json(422, ErrorViews.Basic("Reference already exists", 422, Docs + "#create-a-reference"));
        }

        var result = await sim.Git.RunAsync(gitDir, ["update-ref", refName, sha, GitRunner.ZeroSha], cancellationToken);
        if (result.ExitCode != 0)
        {
            return Rest.Json(422, ErrorViews.Basic("Object does not exist", 422, Docs + "#create-a-reference"));
        }

        var json = GitViews.Ref(access.Repository, refName, sha, Rest.Links(context, sim));
        return Rest.Json(201, json, json["url"]!.GetValue<string>());
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, SimulatorContext sim, string owner, string name, string refName, CancellationToken cancellationToken)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.ContentsWrite);
        if (error is not null)
        {
            return error;
        }

        var full = "refs/" + refName;
        var gitDir = access.Repository!.GitDirectory;
        var sha = Rest.String(body!, "sha") ?? "";
        var force = body!["force"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var current = await sim.Git.ResolveAsync(gitDir, full, cancellationToken);
        if (current is null)
        {
            return Rest.Json(422, ErrorViews.Basic("Reference does not exist", 422, Docs + "#update-a-reference"));
        }

        if (await sim.Git.ResolveAsync(gitDir, sha, cancellationToken) is null)
        {
            return Rest.Json(422, ErrorViews.Basic("Object does not exist", 422, Docs + "#update-a-reference"));
        }

        if (!force && !await sim.Git.IsAncestorAsync(gitDir, current, sha, cancellationToken))
        {
            return Rest.Json(422, ErrorViews.Basic("Update is not a fast forward", 422, Docs + "#update-a-reference"));
        }

        await sim.Git.RunCheckedAsync(gitDir, ["update-ref", full, sha, current], cancellationToken);
        return Rest.Json(200, GitViews.Ref(access.Repository, full, sha, Rest.Links(context, sim)));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, SimulatorContext sim, string owner, string name, string refName, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.ContentsWrite);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var full = "refs/" + refName;
        var gitDir = access.Repository!.GitDirectory;
        var current = await sim.Git.ResolveAsync(gitDir, full, cancellationToken);
        if (current is null)
        {
            return Rest.Json(422, ErrorViews.Basic("Reference does not exist", 422, Docs + "#delete-a-reference"));
        }

        if (full == "refs/heads/" + access.Repository.DefaultBranch)
        {
            return Rest.Json(422, ErrorViews.Basic("Cannot delete the default branch", 422, Docs + "#delete-a-reference"));
        }

        await sim.Git.RunCheckedAsync(gitDir, ["update-ref", "-d", full, current], cancellationToken);
        return Rest.Json(204, null);
    }
}

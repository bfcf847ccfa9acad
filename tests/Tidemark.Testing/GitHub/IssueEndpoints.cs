using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>Labels, comments and assignees on pull requests through the issues API (a pull request is an issue).</summary>
internal static class IssueEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/labels", (HttpContext c, string owner, string repo, int number) => SetLabelsAsync(c, sim, owner, repo, number, replace: false));
        routes.MapPut("/repos/{owner}/{repo}/issues/{number:int}/labels", (HttpContext c, string owner, string repo, int number) => SetLabelsAsync(c, sim, owner, repo, number, replace: true));
        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext c, string owner, string repo, int number) => ListComments(c, sim, owner, repo, number));
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext c, string owner, string repo, int number) => AddCommentAsync(c, sim, owner, repo, number));
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/assignees", (HttpContext c, string owner, string repo, int number) => AddAssigneesAsync(c, sim, owner, repo, number));
    }

    /// <summary>
    /// Adds assignees (201 with the issue). As on GitHub, a login that cannot be assigned (no access to the
    /// repository) is silently left out rather than refused.
    /// </summary>
    private static async Task<IResult> AddAssigneesAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.IssuesOrPullsWrite);
        if (error is not null)
        {
            return error;
        }

        var repository = access.Repository!;
        lock (sim.State.Gate)
        {
            var pull = repository.PullRequests.FirstOrDefault(p => p.Number == number);
            if (pull is null)
            {
                return Rest.NotFound("https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue");
            }

            foreach (var login in Rest.Strings(body!, "assignees"))
            {
                var assignable = SimulatorState.RoleOf(repository, login) is not null;
                if (assignable && !pull.Assignees.Contains(login, StringComparer.OrdinalIgnoreCase))
                {
                    pull.Assignees.Add(login);
                }
            }

            pull.UpdatedAt = sim.Time.GetUtcNow();
            return Rest.Json(201, IssueViews.Issue(repository, pull, Rest.Links(context, sim)));
        }
    }

    private static async Task<IResult> SetLabelsAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number, bool replace)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.IssuesOrPullsWrite);
        if (error is not null)
        {
            return error;
        }

        var repository = access.Repository!;
        var labels = Rest.Strings(body!, "labels");
        lock (sim.State.Gate)
        {
            var pull = repository.PullRequests.FirstOrDefault(p => p.Number == number);
            if (pull is null)
            {
                return Rest.NotFound("https://docs.github.com/rest/issues/labels#add-labels-to-an-issue");
            }

            if (replace)
            {
                pull.Labels.Clear();
            }

            foreach (var label in labels)
            {
                repository.Labels.TryAdd(label, "ededed");
                if (!pull.Labels.Contains(label, StringComparer.OrdinalIgnoreCase))
                {
                    pull.Labels.Add(label);
                }
            }

            var links = Rest.Links(context, sim);
            return Rest.Json(200, new JsonArray([.. pull.Labels.Select(l => (JsonNode)LabelViews.Label(repository, l, links))]));
        }
    }

    private static IResult ListComments(HttpContext context, SimulatorContext sim, string owner, string name, int number)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.IssuesOrPullsRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        lock (sim.State.Gate)
        {
            var pull = access.Repository!.PullRequests.FirstOrDefault(p => p.Number == number);
            if (pull is null)
            {
                return Rest.NotFound("https://docs.github.com/rest/issues/comments#list-issue-comments");
            }

            var links = Rest.Links(context, sim);
            return Rest.Json(200, new JsonArray([.. pull.Comments.Select(c => (JsonNode)LabelViews.Comment(access.Repository, number, c, links))]));
        }
    }

    private static async Task<IResult> AddCommentAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.IssuesOrPullsWrite);
        if (error is not null)
        {
            return error;
        }

        const string Docs = "https://docs.github.com/rest/issues/comments#create-an-issue-comment";
        var text = Rest.String(body!, "body");
        if (string.IsNullOrEmpty(text))
        {
            return Rest.Json(422, ErrorViews.Validation(Docs, ErrorViews.Field("IssueComment", "body", "missing_field")));
        }

        lock (sim.State.Gate)
        {
            var pull = access.Repository!.PullRequests.FirstOrDefault(p => p.Number == number);
            if (pull is null)
            {
                return Rest.NotFound(Docs);
            }

            var comment = new SimComment(sim.State.NextId(), text, access.Token!.Login, sim.Time.GetUtcNow());
            pull.Comments.Add(comment);
            var json = LabelViews.Comment(access.Repository, number, comment, Rest.Links(context, sim));
            return Rest.Json(201, json, json["url"]!.GetValue<string>());
        }
    }
}

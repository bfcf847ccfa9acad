using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>Pull request endpoints: list (with GitHub's head=OWNER:BRANCH filter), create, get, update, reviewers.</summary>
internal static class PullEndpoints
{
    private const string CreateDocs = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";

    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.MapGet("/repos/{owner}/{repo}/pulls", (HttpContext c, string owner, string repo, CancellationToken ct) => ListAsync(c, sim, owner, repo, ct));
        routes.MapPost("/repos/{owner}/{repo}/pulls", (HttpContext c, string owner, string repo, CancellationToken ct) => CreateAsync(c, sim, owner, repo, ct));
        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", (HttpContext c, string owner, string repo, int number, CancellationToken ct) => GetAsync(c, sim, owner, repo, number, ct));
        routes.MapPatch("/repos/{owner}/{repo}/pulls/{number:int}", (HttpContext c, string owner, string repo, int number, CancellationToken ct) => UpdateAsync(c, sim, owner, repo, number, ct));
        routes.MapPost("/repos/{owner}/{repo}/pulls/{number:int}/requested_reviewers", (HttpContext c, string owner, string repo, int number, CancellationToken ct) => RequestReviewersAsync(c, sim, owner, repo, number, ct));
    }

    private static async Task<IResult> ListAsync(HttpContext context, SimulatorContext sim, string owner, string name, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.PullsRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var query = context.Request.Query;
        var state = query["state"].FirstOrDefault() ?? "open";
        var head = query["head"].FirstOrDefault();
        var baseRef = query["base"].FirstOrDefault();
        var repository = access.Repository!;
        List<SimPullRequest> pulls;
        lock (sim.State.Gate)
        {
            // GitHub ignores a head filter without "owner:" and returns every pull request (research §5)
            var headFilter = head is not null && head.Contains(':', StringComparison.Ordinal) ? head : null;
            pulls = [.. repository.PullRequests
                .Where(p => state == "all" || p.State == state)
                .Where(p => headFilter is null || headFilter.Equals($"{repository.Owner.Login}:{p.HeadRef}", StringComparison.OrdinalIgnoreCase))
                .Where(p => baseRef is null || p.BaseRef == baseRef)
                .OrderByDescending(p => p.Number)];
        }

        var items = new JsonArray();
        foreach (var pull in pulls)
        {
            var baseSha = await RefreshAsync(sim, repository, pull, cancellationToken);
            lock (sim.State.Gate)
            {
                items.Add(PullRequestViews.Simple(repository, pull, baseSha, Rest.Links(context, sim)));
            }
        }

        return Rest.Json(200, items);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorContext sim, string owner, string name, CancellationToken cancellationToken)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.PullsWrite);
        if (error is not null)
        {
            return error;
        }

        var repository = access.Repository!;
        var title = Rest.String(body!, "title");
        var head = Rest.String(body!, "head") ?? "";
        var baseRef = Rest.String(body!, "base") ?? "";
        var headBranch = head.Contains(':', StringComparison.Ordinal) ? head[(head.IndexOf(':', StringComparison.Ordinal) + 1)..] : head;
        var headOwnerOk = !head.Contains(':', StringComparison.Ordinal) || head.StartsWith(owner + ":", StringComparison.OrdinalIgnoreCase);
        var headSha = headOwnerOk && headBranch.Length > 0 ? await sim.Git.ResolveAsync(repository.GitDirectory, "refs/heads/" + headBranch, cancellationToken) : null;
        var baseSha = baseRef.Length > 0 ? await sim.Git.ResolveAsync(repository.GitDirectory, "refs/heads/" + baseRef, cancellationToken) : null;

        var invalid = new List<JsonObject>();
        if (string.IsNullOrEmpty(title))
        {
            invalid.Add(ErrorViews.Field("PullRequest", "title", "missing_field"));
        }

        if (baseSha is null)
        {
            invalid.Add(ErrorViews.Field("PullRequest", "base", "invalid"));
        }

        if (headSha is null)
        {
            invalid.Add(ErrorViews.Field("PullRequest", "head", "invalid"));
        }

        if (invalid.Count > 0)
        {
            return Rest.Json(422, ErrorViews.Validation(CreateDocs, [.. invalid]));
        }

        var ahead = await sim.Git.RunCheckedAsync(repository.GitDirectory, ["rev-list", "--count", $"{baseSha}..{headSha}"], cancellationToken);
        if (ahead.Trim() == "0")
        {
            return Rest.Json(422, ErrorViews.Validation(CreateDocs, ErrorViews.Custom("PullRequest", $"No commits between {baseRef} and {headBranch}")));
        }

        return Create(context, sim, access, new PullDraft(title!, Rest.String(body!, "body"), headBranch, headSha!, baseRef, baseSha!, body!["draft"]?.GetValueKind() == System.Text.Json.JsonValueKind.True));
    }

    private static IResult Create(HttpContext context, SimulatorContext sim, RepositoryAccess access, PullDraft draft)
    {
        var repository = access.Repository!;
        var now = sim.Time.GetUtcNow();
        lock (sim.State.Gate)
        {
            if (repository.PullRequests.Any(p => p.State == "open" && p.HeadRef == draft.Head && p.BaseRef == draft.Base))
            {
                return Rest.Json(422, ErrorViews.Validation(CreateDocs,
                    ErrorViews.Custom("PullRequest", $"A pull request already exists for {repository.Owner.Login}:{draft.Head}.")));
            }

            var pull = new SimPullRequest
            {
                Id = sim.State.NextId(),
                Number = ++repository.LastIssueNumber,
                Title = draft.Title,
                Body = draft.Body,
                Draft = draft.Draft,
                HeadRef = draft.Head,
                HeadSha = draft.HeadSha,
                BaseRef = draft.Base,
                Author = access.Token!.Login,
                CreatedAt = now,
                UpdatedAt = now,
            };
            repository.PullRequests.Add(pull);
            var json = PullRequestViews.Full(repository, pull, draft.BaseSha, 1, Rest.Links(context, sim));
            return Rest.Json(201, json, json["url"]!.GetValue<string>());
        }
    }

    private static async Task<IResult> GetAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.PullsRead);
        if (access.Error is not null)
        {
            return access.Error;
        }

        return await RenderAsync(context, sim, access.Repository!, Find(sim, access.Repository!, number), 200, cancellationToken);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.PullsWrite);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var (body, error) = await Rest.ReadObjectAsync(context);
        var pull = Find(sim, access.Repository!, number);
        if (error is not null || pull is null)
        {
            return error ?? Rest.NotFound("https://docs.github.com/rest/pulls/pulls#update-a-pull-request");
        }

        lock (sim.State.Gate)
        {
            pull.Title = Rest.String(body!, "title") ?? pull.Title;
            pull.Body = body!.ContainsKey("body") ? Rest.String(body, "body") : pull.Body;
            pull.BaseRef = Rest.String(body, "base") ?? pull.BaseRef;
            var state = Rest.String(body, "state");
            if (state is "open" or "closed" && state != pull.State)
            {
                pull.State = state;
                pull.ClosedAt = state == "closed" ? sim.Time.GetUtcNow() : null;
            }

            pull.UpdatedAt = sim.Time.GetUtcNow();
        }

        return await RenderAsync(context, sim, access.Repository!, pull, 200, cancellationToken);
    }

    private static async Task<IResult> RequestReviewersAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number, CancellationToken cancellationToken)
    {
        var access = Rest.Authorize(context, sim, owner, name, Requirement.PullsWrite);
        if (access.Error is not null)
        {
            return access.Error;
        }

        var (body, error) = await Rest.ReadObjectAsync(context);
        var repository = access.Repository!;
        var pull = Find(sim, repository, number);
        if (error is not null || pull is null)
        {
            return error ?? Rest.NotFound("https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request");
        }

        var reviewers = Rest.Strings(body!, "reviewers");
        lock (sim.State.Gate)
        {
            if (reviewers.Any(r => SimulatorState.RoleOf(repository, r) is null || r.Equals(pull.Author, StringComparison.OrdinalIgnoreCase)))
            {
                return Rest.Json(422, ErrorViews.Validation("https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request",
                    ErrorViews.Custom("PullRequest", $"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {repository.FullName} repository.")));
            }

            pull.RequestedReviewers.AddRange(reviewers.Where(r => !pull.RequestedReviewers.Contains(r, StringComparer.OrdinalIgnoreCase)));
        }

        var baseSha = await RefreshAsync(sim, repository, pull, cancellationToken);
        lock (sim.State.Gate)
        {
            return Rest.Json(201, PullRequestViews.Simple(repository, pull, baseSha, Rest.Links(context, sim)));
        }
    }

    private static SimPullRequest? Find(SimulatorContext sim, SimRepository repository, int number)
    {
        lock (sim.State.Gate)
        {
            return repository.PullRequests.FirstOrDefault(p => p.Number == number);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext context, SimulatorContext sim, SimRepository repository, SimPullRequest? pull, int status, CancellationToken cancellationToken)
    {
        if (pull is null)
        {
            return Rest.NotFound("https://docs.github.com/rest/pulls/pulls#get-a-pull-request");
        }

        var baseSha = await RefreshAsync(sim, repository, pull, cancellationToken);
        var count = await sim.Git.RunAsync(repository.GitDirectory, ["rev-list", "--count", $"{baseSha}..{pull.HeadSha}"], cancellationToken);
        lock (sim.State.Gate)
        {
            var commits = int.TryParse(count.Stdout.Trim(), out var n) ? n : 0;
            return Rest.Json(status, PullRequestViews.Full(repository, pull, baseSha, commits, Rest.Links(context, sim)));
        }
    }

    /// <summary>Moves the head SHA to where the branch is now (kept when the branch is gone) and returns the base SHA.</summary>
    private static async Task<string> RefreshAsync(SimulatorContext sim, SimRepository repository, SimPullRequest pull, CancellationToken cancellationToken)
    {
        var head = await sim.Git.ResolveAsync(repository.GitDirectory, "refs/heads/" + pull.HeadRef, cancellationToken);
        if (head is not null && pull.State == "open")
        {
            lock (sim.State.Gate)
            {
                pull.HeadSha = head;
            }
        }

        return await sim.Git.ResolveAsync(repository.GitDirectory, "refs/heads/" + pull.BaseRef, cancellationToken) ?? GitRunner.ZeroSha;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// <c>PUT /repos/{owner}/{repo}/pulls/{number}/merge</c>: merges the head into the base in the bare repository with
/// <c>git merge-tree</c> (a real three-way merge), as a merge commit (two parents) or, for <c>squash</c> and
/// <c>rebase</c>, as one commit on the base (the simulator does not replay commits one by one). Answers 405 when the
/// pull request is closed or conflicts, 409 when <c>sha</c> is not the head.
/// </summary>
internal static class MergeEndpoint
{
    private const string Docs = "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request";

    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim) =>
        routes.MapPut("/repos/{owner}/{repo}/pulls/{number:int}/merge", (HttpContext c, string owner, string repo, int number, CancellationToken ct) => MergeAsync(c, sim, owner, repo, number, ct));

    private static async Task<IResult> MergeAsync(HttpContext context, SimulatorContext sim, string owner, string name, int number, CancellationToken cancellationToken)
    {
        var (access, body, error) = await Rest.AuthorizeWithBodyAsync(context, sim, owner, name, Requirement.ContentsWrite);
        if (error is not null)
        {
            return error;
        }

        var repository = access.Repository!;
        SimPullRequest? pull;
        lock (sim.State.Gate)
        {
            pull = repository.PullRequests.FirstOrDefault(p => p.Number == number);
        }

        if (pull is null)
        {
            return Rest.NotFound(Docs);
        }

        var gitDir = repository.GitDirectory;
        var head = await sim.Git.ResolveAsync(gitDir, "refs/heads/" + pull.HeadRef, cancellationToken);
        var baseSha = await sim.Git.ResolveAsync(gitDir, "refs/heads/" + pull.BaseRef, cancellationToken);
        if (pull.State != "open" || head is null || baseSha is null)
        {
            return Rest.Json(405, ErrorViews.Basic("Pull Request is not mergeable", 405, Docs));
        }

        if (Rest.String(body!, "sha") is { } expected && expected != head)
        {
            return Rest.Json(409, ErrorViews.Basic("Head branch was modified. Review and try the merge again.", 409, Docs));
        }

        var merged = await sim.Git.RunAsync(gitDir, ["merge-tree", "--write-tree", baseSha, head], cancellationToken);
        if (merged.ExitCode != 0)
        {
            return Rest.Json(405, ErrorViews.Basic("Pull Request is not mergeable", 405, Docs));
        }

        var tree = merged.Stdout.Split('\n')[0].Trim();
        var method = Rest.String(body!, "merge_method") ?? "merge";
        var title = Rest.String(body!, "commit_title")
            ?? (method == "merge" ? $"Merge pull request #{number} from {repository.Owner.Login}/{pull.HeadRef}" : $"{pull.Title} (#{number})");
        var message = Rest.String(body!, "commit_message") is { Length: > 0 } extra ? title + "\n\n" + extra : title;
        string[] parents = method == "merge" ? ["-p", baseSha, "-p", head] : ["-p", baseSha];
        var now = sim.Time.GetUtcNow();
        var date = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var commit = (await sim.Git.RunCheckedAsync(gitDir, ["-c", "user.name=GitHub", "-c", "user.email=noreply@github.com", "commit-tree", tree, .. parents, "-m", message],
            cancellationToken, ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date))).Trim();
        var moved = await sim.Git.RunAsync(gitDir, ["update-ref", "refs/heads/" + pull.BaseRef, commit, baseSha], cancellationToken);
        if (moved.ExitCode != 0)
        {
            return Rest.Json(409, ErrorViews.Basic("Base branch was modified. Review and try the merge again.", 409, Docs));
        }

        lock (sim.State.Gate)
        {
            pull.HeadSha = head;
            pull.State = "closed";
            pull.Merged = true;
            pull.MergedAt = now;
            pull.ClosedAt = now;
            pull.UpdatedAt = now;
            pull.MergeCommitSha = commit;
            pull.MergedBy = access.Token!.Login;
        }

        return Rest.Json(200, new JsonObject { ["sha"] = commit, ["merged"] = true, ["message"] = "Pull Request successfully merged" });
    }
}

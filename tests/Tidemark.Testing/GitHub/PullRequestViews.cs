using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>pull-request (single) and pull-request-simple (list item) bodies.</summary>
internal static class PullRequestViews
{
    public static JsonObject Simple(SimRepository repository, SimPullRequest pull, string baseSha, ApiLinks links)
    {
        var url = $"{links.Repo(repository)}/pulls/{pull.Number}";
        var issue = $"{links.Repo(repository)}/issues/{pull.Number}";
        var html = $"{links.Web}/{repository.FullName}/pull/{pull.Number}";
        var author = repository.Owner.Login.Equals(pull.Author, StringComparison.OrdinalIgnoreCase) ? "OWNER" : "COLLABORATOR";
        return new JsonObject
        {
            ["url"] = url,
            ["id"] = pull.Id,
            ["node_id"] = UserViews.NodeId("PR", pull.Id),
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = issue,
            ["commits_url"] = url + "/commits",
            ["review_comments_url"] = url + "/comments",
            ["review_comment_url"] = $"{links.Repo(repository)}/pulls/comments{{/number}}",
            ["comments_url"] = issue + "/comments",
            ["statuses_url"] = $"{links.Repo(repository)}/statuses/{pull.HeadSha}",
            ["number"] = pull.Number,
            ["state"] = pull.State,
            ["locked"] = false,
            ["title"] = pull.Title,
            ["user"] = User(pull.Author, links),
            ["body"] = pull.Body,
            ["labels"] = new JsonArray([.. pull.Labels.Select(l => (JsonNode)LabelViews.Label(repository, l, links))]),
            ["milestone"] = null,
            ["active_lock_reason"] = null,
            ["created_at"] = links.Time(pull.CreatedAt),
            ["updated_at"] = links.Time(pull.UpdatedAt),
            ["closed_at"] = pull.ClosedAt is { } closed ? links.Time(closed) : null,
            ["merged_at"] = pull.MergedAt is { } merged ? links.Time(merged) : null,
            ["merge_commit_sha"] = pull.MergeCommitSha,
            ["assignee"] = pull.Assignees.Count > 0 ? User(pull.Assignees[0], links) : null,
            ["assignees"] = new JsonArray([.. pull.Assignees.Select(a => (JsonNode)User(a, links))]),
            ["requested_reviewers"] = new JsonArray([.. pull.RequestedReviewers.Select(r => (JsonNode)User(r, links))]),
            ["requested_teams"] = new JsonArray(),
            ["head"] = End(repository, pull.HeadRef, pull.HeadSha, links),
            ["base"] = End(repository, pull.BaseRef, baseSha, links),
            ["_links"] = Links(url, issue, html, links.Repo(repository), pull.HeadSha),
            ["author_association"] = author,
            ["auto_merge"] = null,
            ["draft"] = pull.Draft,
        };
    }

    public static JsonObject Full(SimRepository repository, SimPullRequest pull, string baseSha, int commits, ApiLinks links)
    {
        var json = Simple(repository, pull, baseSha, links);
        json["merged"] = pull.Merged;
        json["mergeable"] = pull.State == "open" ? true : null;
        json["rebaseable"] = pull.State == "open" ? true : null;
        json["mergeable_state"] = pull.State == "open" ? "clean" : "unknown";
        json["merged_by"] = pull.MergedBy is { } by ? User(by, links) : null;
        json["comments"] = pull.Comments.Count;
        json["review_comments"] = 0;
        json["maintainer_can_modify"] = false;
        json["commits"] = commits;
        json["additions"] = 0;
        json["deletions"] = 0;
        json["changed_files"] = 0;
        return json;
    }

    public static JsonObject User(string login, ApiLinks links) =>
        UserViews.Simple(login, StableId(login), false, links);

    /// <summary>A stable numeric id for a login that is not a stored account (e.g. an App bot).</summary>
    public static long StableId(string login) => 100_000 + (login.Aggregate(17L, (h, c) => (h * 31 + c) % 1_000_000));

    private static JsonObject End(SimRepository repository, string branch, string sha, ApiLinks links) => new()
    {
        ["label"] = $"{repository.Owner.Login}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = UserViews.Simple(repository.Owner, links),
        ["repo"] = RepositoryViews.Repository(repository, links, null),
    };

    private static JsonObject Links(string url, string issue, string html, string repo, string headSha)
    {
        static JsonObject Href(string href) => new() { ["href"] = href };
        return new JsonObject
        {
            ["self"] = Href(url),
            ["html"] = Href(html),
            ["issue"] = Href(issue),
            ["comments"] = Href(issue + "/comments"),
            ["review_comments"] = Href(url + "/comments"),
            ["review_comment"] = Href(repo + "/pulls/comments{/number}"),
            ["commits"] = Href(url + "/commits"),
            ["statuses"] = Href($"{repo}/statuses/{headSha}"),
        };
    }
}

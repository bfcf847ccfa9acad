using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>The <c>issue</c> body a pull request has when it is addressed through the issues API (e.g. after adding assignees).</summary>
internal static class IssueViews
{
    public static JsonObject Issue(SimRepository repository, SimPullRequest pull, ApiLinks links)
    {
        var url = $"{links.Repo(repository)}/issues/{pull.Number}";
        var html = $"{links.Web}/{repository.FullName}/pull/{pull.Number}";
        return new JsonObject
        {
            ["id"] = pull.Id,
            ["node_id"] = UserViews.NodeId("PR", pull.Id),
            ["url"] = url,
            ["repository_url"] = links.Repo(repository),
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = html,
            ["number"] = pull.Number,
            ["state"] = pull.State,
            ["title"] = pull.Title,
            ["body"] = pull.Body,
            ["user"] = PullRequestViews.User(pull.Author, links),
            ["labels"] = new JsonArray([.. pull.Labels.Select(l => (JsonNode)LabelViews.Label(repository, l, links))]),
            ["assignee"] = pull.Assignees.Count > 0 ? PullRequestViews.User(pull.Assignees[0], links) : null,
            ["assignees"] = new JsonArray([.. pull.Assignees.Select(a => (JsonNode)PullRequestViews.User(a, links))]),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = pull.Comments.Count,
            ["pull_request"] = new JsonObject
            {
                ["url"] = $"{links.Repo(repository)}/pulls/{pull.Number}",
                ["html_url"] = html,
                ["diff_url"] = html + ".diff",
                ["patch_url"] = html + ".patch",
                ["merged_at"] = pull.MergedAt is { } merged ? links.Time(merged) : null,
            },
            ["closed_at"] = pull.ClosedAt is { } closed ? links.Time(closed) : null,
            ["created_at"] = links.Time(pull.CreatedAt),
            ["updated_at"] = links.Time(pull.UpdatedAt),
            ["draft"] = pull.Draft,
            ["author_association"] = repository.Owner.Login.Equals(pull.Author, StringComparison.OrdinalIgnoreCase) ? "OWNER" : "COLLABORATOR",
        };
    }
}

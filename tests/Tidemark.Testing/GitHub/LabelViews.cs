using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>label and issue-comment bodies.</summary>
internal static class LabelViews
{
    public static JsonObject Label(SimRepository repository, string name, ApiLinks links)
    {
        var id = PullRequestViews.StableId(repository.FullName + "#" + name);
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = UserViews.NodeId("LA", id),
            ["url"] = $"{links.Repo(repository)}/labels/{Uri.EscapeDataString(name)}",
            ["name"] = name,
            ["description"] = "",
            ["color"] = repository.Labels.GetValueOrDefault(name, "ededed"),
            ["default"] = false,
        };
    }

    public static JsonObject Comment(SimRepository repository, int number, SimComment comment, ApiLinks links) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = UserViews.NodeId("IC", comment.Id),
        ["url"] = $"{links.Repo(repository)}/issues/comments/{comment.Id}",
        ["html_url"] = $"{links.Web}/{repository.FullName}/pull/{number}#issuecomment-{comment.Id}",
        ["body"] = comment.Body,
        ["user"] = UserViews.Simple(comment.Login, PullRequestViews.StableId(comment.Login), false, links),
        ["created_at"] = links.Time(comment.CreatedAt),
        ["updated_at"] = links.Time(comment.CreatedAt),
        ["issue_url"] = $"{links.Repo(repository)}/issues/{number}",
        ["author_association"] = "COLLABORATOR",
    };
}

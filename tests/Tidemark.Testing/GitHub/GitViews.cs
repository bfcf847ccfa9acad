using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>git-ref, branch-with-protection, protected-branch and repository-rule bodies.</summary>
internal static class GitViews
{
    public static JsonObject Ref(SimRepository repository, string refName, string sha, ApiLinks links) => new()
    {
        ["ref"] = refName,
        ["node_id"] = UserViews.NodeId("REF", PullRequestViews.StableId(repository.FullName + refName)),
        ["url"] = $"{links.Repo(repository)}/git/{refName}",
        ["object"] = new JsonObject
        {
            ["sha"] = sha,
            ["type"] = "commit",
            ["url"] = $"{links.Repo(repository)}/git/commits/{sha}",
        },
    };

    public static JsonObject Branch(SimRepository repository, string branch, CommitInfo commit, ApiLinks links)
    {
        var protection = repository.Protections.GetValueOrDefault(branch);
        var url = $"{links.Repo(repository)}/branches/{Uri.EscapeDataString(branch)}";
        var json = new JsonObject
        {
            ["name"] = branch,
            ["commit"] = Commit(repository, commit, links),
            ["_links"] = new JsonObject { ["self"] = url, ["html"] = $"{links.Web}/{repository.FullName}/tree/{branch}" },
            ["protected"] = protection is not null,
            ["protection"] = Summary(protection),
            ["protection_url"] = url + "/protection",
        };
        if (protection is { RequirePullRequest: true })
        {
            json["required_approving_review_count"] = protection.RequiredApprovingReviewCount;
        }

        return json;
    }

    private static JsonObject Summary(BranchProtection? protection) => new()
    {
        ["enabled"] = protection is not null,
        ["required_status_checks"] = new JsonObject
        {
            ["enforcement_level"] = protection is { RequiredStatusChecks.Count: > 0 } ? "non_admins" : "off",
            ["contexts"] = new JsonArray([.. (protection?.RequiredStatusChecks ?? []).Select(c => (JsonNode)c)]),
            ["checks"] = new JsonArray([.. (protection?.RequiredStatusChecks ?? []).Select(c => (JsonNode)new JsonObject { ["context"] = c, ["app_id"] = null })]),
        },
    };

    public static JsonObject Commit(SimRepository repository, CommitInfo commit, ApiLinks links)
    {
        var url = $"{links.Repo(repository)}/commits/{commit.Sha}";
        return new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = UserViews.NodeId("C", PullRequestViews.StableId(commit.Sha)),
            ["url"] = url,
            ["html_url"] = $"{links.Web}/{repository.FullName}/commit/{commit.Sha}",
            ["comments_url"] = url + "/comments",
            ["commit"] = new JsonObject
            {
                ["url"] = $"{links.Repo(repository)}/git/commits/{commit.Sha}",
                ["author"] = Person(commit.AuthorName, commit.AuthorEmail, commit.AuthorDate),
                ["committer"] = Person(commit.CommitterName, commit.CommitterEmail, commit.CommitterDate),
                ["message"] = commit.Message,
                ["comment_count"] = 0,
                ["tree"] = new JsonObject { ["sha"] = commit.Tree, ["url"] = $"{links.Repo(repository)}/git/trees/{commit.Tree}" },
            },
            ["author"] = new JsonObject(),
            ["committer"] = new JsonObject(),
            ["parents"] = new JsonArray([.. commit.Parents.Select(p => (JsonNode)new JsonObject
            {
                ["sha"] = p,
                ["url"] = $"{links.Repo(repository)}/commits/{p}",
                ["html_url"] = $"{links.Web}/{repository.FullName}/commit/{p}",
            })]),
        };
    }

    private static JsonObject Person(string name, string email, string date) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["date"] = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static JsonObject Protection(SimRepository repository, string branch, BranchProtection protection, ApiLinks links)
    {
        var url = $"{links.Repo(repository)}/branches/{Uri.EscapeDataString(branch)}/protection";
        static JsonObject Enabled(bool value) => new() { ["enabled"] = value };
        var json = new JsonObject
        {
            ["url"] = url,
            ["required_signatures"] = new JsonObject { ["url"] = url + "/required_signatures", ["enabled"] = false },
            ["enforce_admins"] = new JsonObject { ["url"] = url + "/enforce_admins", ["enabled"] = false },
            ["required_linear_history"] = Enabled(false),
            ["allow_force_pushes"] = Enabled(protection.AllowForcePushes),
            ["allow_deletions"] = Enabled(protection.AllowDeletions),
            ["block_creations"] = Enabled(false),
            ["required_conversation_resolution"] = Enabled(false),
            ["lock_branch"] = Enabled(false),
            ["allow_fork_syncing"] = Enabled(false),
        };
        if (protection.RequiredStatusChecks.Count > 0)
        {
            json["required_status_checks"] = new JsonObject
            {
                ["url"] = url + "/required_status_checks",
                ["strict"] = false,
                ["contexts"] = new JsonArray([.. protection.RequiredStatusChecks.Select(c => (JsonNode)c)]),
                ["checks"] = new JsonArray([.. protection.RequiredStatusChecks.Select(c => (JsonNode)new JsonObject { ["context"] = c, ["app_id"] = null })]),
                ["contexts_url"] = url + "/required_status_checks/contexts",
            };
        }

        if (protection.RequirePullRequest)
        {
            json["required_pull_request_reviews"] = new JsonObject
            {
                ["url"] = url + "/required_pull_request_reviews",
                ["dismiss_stale_reviews"] = false,
                ["require_code_owner_reviews"] = false,
                ["required_approving_review_count"] = protection.RequiredApprovingReviewCount,
                ["require_last_push_approval"] = false,
            };
        }

        return json;
    }

    public static JsonObject Rule(Ruleset ruleset, string type)
    {
        var json = new JsonObject
        {
            ["type"] = type,
            ["ruleset_source_type"] = "Repository",
            ["ruleset_source"] = ruleset.Name,
            ["ruleset_id"] = ruleset.Id,
        };
        if (type == "pull_request")
        {
            json["parameters"] = new JsonObject
            {
                ["allowed_merge_methods"] = new JsonArray("merge", "squash", "rebase"),
                ["dismiss_stale_reviews_on_push"] = false,
                ["require_code_owner_review"] = false,
                ["require_last_push_approval"] = false,
                ["required_approving_review_count"] = 0,
                ["required_review_thread_resolution"] = false,
            };
        }

        return json;
    }
}

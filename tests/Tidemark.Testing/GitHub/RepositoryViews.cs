using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>repository and full-repository bodies.</summary>
internal static class RepositoryViews
{
    // name → suffix after the repository URL, as GitHub lists them (templated parts included)
    private static readonly (string Name, string Suffix)[] UrlFields =
    [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"),
        ("blobs_url", "/git/blobs{/sha}"), ("branches_url", "/branches{/branch}"),
        ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"),
        ("contents_url", "/contents/{+path}"), ("contributors_url", "/contributors"),
        ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
        ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"),
        ("git_tags_url", "/git/tags{/sha}"), ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"),
        ("issue_events_url", "/issues/events{/number}"), ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"),
        ("labels_url", "/labels{/name}"), ("languages_url", "/languages"), ("merges_url", "/merges"),
        ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"),
        ("statuses_url", "/statuses/{sha}"), ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"),
        ("tags_url", "/tags"), ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"),
    ];

    public static JsonObject Repository(SimRepository repository, ApiLinks links, SimToken? token)
    {
        var url = links.Repo(repository);
        var html = $"{links.Web}/{repository.FullName}";
        var json = new JsonObject
        {
            ["id"] = repository.Id,
            ["node_id"] = UserViews.NodeId("R", repository.Id),
            ["name"] = repository.Name,
            ["full_name"] = repository.FullName,
            ["private"] = repository.Private,
            ["owner"] = UserViews.Simple(repository.Owner, links),
            ["html_url"] = html,
            ["description"] = null,
            ["fork"] = false,
            ["url"] = url,
        };
        foreach (var (name, suffix) in UrlFields)
        {
            json[name] = url + suffix;
        }

        AddCloneUrls(json, repository, links, html);
        AddCounters(json, repository, links);
        json["permissions"] = Permissions(repository, token);
        return json;
    }

    public static JsonObject Full(SimRepository repository, ApiLinks links, SimToken? token)
    {
        var json = Repository(repository, links, token);
        json["network_count"] = 0;
        json["subscribers_count"] = 0;
        json["allow_auto_merge"] = false;
        json["delete_branch_on_merge"] = false;
        json["allow_merge_commit"] = true;
        json["allow_squash_merge"] = true;
        json["allow_rebase_merge"] = true;
        json["allow_update_branch"] = false;
        json["allow_forking"] = true;
        json["web_commit_signoff_required"] = false;
        json["use_squash_pr_title_as_default"] = false;
        json["squash_merge_commit_title"] = "COMMIT_OR_PR_TITLE";
        json["squash_merge_commit_message"] = "COMMIT_MESSAGES";
        json["merge_commit_title"] = "MERGE_MESSAGE";
        json["merge_commit_message"] = "PR_TITLE";
        if (repository.Owner.IsOrganization)
        {
            json["organization"] = UserViews.Simple(repository.Owner, links);
        }

        return json;
    }

    private static void AddCloneUrls(JsonObject json, SimRepository repository, ApiLinks links, string html)
    {
        var host = new Uri(links.Web).Authority;
        json["git_url"] = $"git://{host}/{repository.FullName}.git";
        json["ssh_url"] = $"git@{host}:{repository.FullName}.git";
        json["clone_url"] = html + ".git";
        json["svn_url"] = html;
        json["mirror_url"] = null;
        json["homepage"] = null;
        json["language"] = null;
    }

    private static void AddCounters(JsonObject json, SimRepository repository, ApiLinks links)
    {
        var open = repository.PullRequests.Count(p => p.State == "open");
        json["forks"] = 0;
        json["forks_count"] = 0;
        json["stargazers_count"] = 0;
        json["watchers"] = 0;
        json["watchers_count"] = 0;
        json["size"] = 0;
        json["default_branch"] = repository.DefaultBranch;
        json["open_issues"] = open;
        json["open_issues_count"] = open;
        json["is_template"] = false;
        json["topics"] = new JsonArray();
        json["has_issues"] = true;
        json["has_projects"] = true;
        json["has_wiki"] = true;
        json["has_pages"] = false;
        json["has_downloads"] = true;
        json["has_discussions"] = false;
        json["archived"] = repository.Archived;
        json["disabled"] = false;
        json["visibility"] = repository.Private ? "private" : "public";
        json["license"] = null;
        json["pushed_at"] = links.Time(repository.CreatedAt);
        json["created_at"] = links.Time(repository.CreatedAt);
        json["updated_at"] = links.Time(repository.CreatedAt);
    }

    /// <summary>The user's role (not the token's grant), as GitHub reports it.</summary>
    private static JsonObject Permissions(SimRepository repository, SimToken? token)
    {
        var role = token is null ? null : SimulatorState.RoleOf(repository, token.Kind == TokenKind.Installation ? "" : token.Login);
        var push = role >= RepositoryRole.Write || token?.Kind == TokenKind.Installation;
        return new JsonObject
        {
            ["admin"] = role == RepositoryRole.Admin,
            ["maintain"] = role == RepositoryRole.Admin,
            ["push"] = push,
            ["triage"] = push,
            ["pull"] = true,
        };
    }
}

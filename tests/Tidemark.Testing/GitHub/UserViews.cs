using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>simple-user and private-user bodies.</summary>
internal static class UserViews
{
    public static JsonObject Simple(string login, long id, bool organization, ApiLinks links)
    {
        var url = $"{links.Api}/users/{login}";
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId("U", id),
            ["avatar_url"] = $"{links.Web}/avatars/u/{id}",
            ["gravatar_id"] = "",
            ["url"] = url,
            ["html_url"] = $"{links.Web}/{login}",
            ["followers_url"] = url + "/followers",
            ["following_url"] = url + "/following{/other_user}",
            ["gists_url"] = url + "/gists{/gist_id}",
            ["starred_url"] = url + "/starred{/owner}{/repo}",
            ["subscriptions_url"] = url + "/subscriptions",
            ["organizations_url"] = url + "/orgs",
            ["repos_url"] = url + "/repos",
            ["events_url"] = url + "/events{/privacy}",
            ["received_events_url"] = url + "/received_events",
            ["type"] = organization ? "Organization" : (login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User"),
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    public static JsonObject Simple(SimAccount account, ApiLinks links) =>
        Simple(account.Login, account.Id, account.IsOrganization, links);

    public static JsonObject Private(SimAccount account, ApiLinks links)
    {
        var user = Simple(account, links);
        user["name"] = account.Login;
        user["company"] = null;
        user["blog"] = "";
        user["location"] = null;
        user["email"] = null;
        user["hireable"] = null;
        user["bio"] = null;
        user["twitter_username"] = null;
        user["public_repos"] = 0;
        user["public_gists"] = 0;
        user["followers"] = 0;
        user["following"] = 0;
        user["created_at"] = links.Time(account.CreatedAt);
        user["updated_at"] = links.Time(account.CreatedAt);
        user["private_gists"] = 0;
        user["total_private_repos"] = 0;
        user["owned_private_repos"] = 0;
        user["disk_usage"] = 0;
        user["collaborators"] = 0;
        user["two_factor_authentication"] = true;
        return user;
    }

    public static string NodeId(string kind, long id) =>
        kind + "_" + Convert.ToBase64String(BitConverter.GetBytes(id)).TrimEnd('=');
}

using System.Text.RegularExpressions;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// GitHub and GitHub Enterprise Server: a repository is exactly OWNER/REPO (no nested groups); the API is
/// <c>https://api.github.com/</c> for github.com and <c>https://HOST/api/v3/</c> for any other host.
/// </summary>
internal sealed partial class GitHubFamily : IForgeFamily
{
    public const string GitHubApi = "https://api.github.com/";

    public string Name => "github";

    public ForgeTarget Accept(ForgeTarget target, string where)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Groups.Count != 1 || !OwnerPattern().IsMatch(target.Groups[0]))
        {
            var why = target.Groups.Count > 1 ? $" (GitHub takes OWNER/REPO; {target.FullName} has nested groups)" : "";
            throw new ForgeTargetException($"{where}: {target.Url} does not name a repository as …/OWNER/REPO{why}");
        }

        return target;
    }

    public Uri DefaultApiBase(ForgeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var host = target.Host.Host;
        return string.Equals(host, "github.com", StringComparison.OrdinalIgnoreCase) || string.Equals(host, "www.github.com", StringComparison.OrdinalIgnoreCase)
            ? new Uri(GitHubApi)
            : new Uri($"{target.Host.Scheme}://{target.Host.Authority}/api/v3/");
    }

    public IForge Create(ForgeConnection connection) => Build(connection);

    public IForgeDiagnostics Diagnose(ForgeConnection connection) => Build(connection);

    /// <summary>The concrete forge (both ports over one HTTP setup), for callers that own its disposal.</summary>
    public static GitHubForge Build(ForgeConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new GitHubForge(new GitHubForgeOptions(connection.ApiBase, connection.Owner, connection.Repository),
            connection.Token, connection.Time, connection.Logger, connection.Handler);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex OwnerPattern();
}

using System.Net;
using System.Text.RegularExpressions;
using Tidemark.Configuration;
using Tidemark.Git;

namespace Tidemark.Automation;

/// <summary>
/// The GitHub repository <c>tidemark run --repo</c> names: an HTTPS URL <c>https://github.com/OWNER/REPO(.git)</c>
/// (plain HTTP only to a loopback address), or a local clone whose <c>origin</c> names it. Either way Tidemark works in
/// its own clone in the work directory, so a person's checkout is never touched.
/// </summary>
internal sealed partial record RunTarget(GitRemote Remote, string Owner, string Name)
{
    public const string GitHubApi = "https://api.github.com/";

    public string FullName => $"{Owner}/{Name}";

    /// <summary>
    /// The REST API of the repository's host, as GitHub lays it out: <c>https://api.github.com/</c> for github.com, and
    /// <c>https://HOST/api/v3/</c> (GitHub Enterprise Server) for any other host. <c>--api-url</c> wins over it.
    /// </summary>
    public Uri DefaultApiUrl
    {
        get
        {
            var remote = new Uri(Remote.Url);
            return string.Equals(remote.Host, "github.com", StringComparison.OrdinalIgnoreCase) || string.Equals(remote.Host, "www.github.com", StringComparison.OrdinalIgnoreCase)
                ? new Uri(GitHubApi)
                : new Uri($"{remote.Scheme}://{remote.Authority}/api/v3/");
        }
    }

    public static async Task<RunTarget> ResolveAsync(string? repo, GitRunner runner, CancellationToken cancellationToken)
    {
        if (repo is not null && repo.Contains("://", StringComparison.Ordinal))
        {
            return FromUrl(repo, "--repo");
        }

        var path = Path.GetFullPath(repo ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(path))
        {
            throw new UsageException($"--repo {path}: no such folder (give a clone of the repository or its https:// URL)");
        }

        var context = new GitFailureContext(path, null, "read the origin remote");
        var request = new GitRequest(GitSubcommand.LsRemote, ["--get-url", "origin"], path, context);
        GitResult result;
        try
        {
            result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            throw new UsageException($"--repo {path}: not a git clone with an origin remote ({e.Failure.Message})");
        }

        return FromUrl(ScpToHttps(result.StandardOutput.Trim()), $"the origin of {path}");
    }

    internal static RunTarget FromUrl(string url, string where)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            throw new UsageException($"{where}: {Safe(url)} is not an https:// URL without credentials (give the token with GITHUB_TOKEN or --token-file)");
        }

        var loopback = IPAddress.TryParse(uri.Host, out var address) ? IPAddress.IsLoopback(address) : uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback))
        {
            throw new UsageException($"{where}: {url} must use https:// (plain http:// only to a loopback address)");
        }

        var match = PathPattern().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            throw new UsageException($"{where}: {url} does not name a repository as …/OWNER/REPO");
        }

        var owner = match.Groups["owner"].Value;
        var name = match.Groups["name"].Value;
        var clean = $"{uri.Scheme}://{uri.Authority}/{owner}/{name}.git";
        return new RunTarget(new GitRemote(clean, $"{owner}/{name}"), owner, name);
    }

    /// <summary><c>git@github.com:acme/gitops.git</c> → <c>https://github.com/acme/gitops.git</c>; a token works over HTTPS only.</summary>
    private static string ScpToHttps(string url)
    {
        var match = ScpPattern().Match(url);
        return match.Success ? $"https://{match.Groups["host"].Value}/{match.Groups["path"].Value}" : url;
    }

    private static string Safe(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo, "***", StringComparison.Ordinal) : url;

    [GeneratedRegex(@"^/(?<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?<name>[A-Za-z0-9._-]+?)(\.git)?/?$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^[\w.-]+@(?<host>[\w.-]+):(?<path>.+)$")]
    private static partial Regex ScpPattern();
}

using System.Text.RegularExpressions;
using Tidemark.Configuration;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using Tidemark.Git;

namespace Tidemark.Automation;

/// <summary>
/// The GitHub repository <c>tidemark run --repo</c> names: an HTTPS URL <c>https://github.com/OWNER/REPO(.git)</c>
/// (plain HTTP only to a loopback address), or a local clone whose <c>origin</c> names it. Either way Tidemark works in
/// its own clone in the work directory, so a person's checkout is never touched.
/// </summary>
internal sealed partial record RunTarget(GitRemote Remote, string Owner, string Name)
{
    public const string GitHubApi = GitHubFamily.GitHubApi;

    public string FullName => $"{Owner}/{Name}";

    /// <summary>
    /// The REST API of the repository's host, as GitHub lays it out: <c>https://api.github.com/</c> for github.com, and
    /// <c>https://HOST/api/v3/</c> (GitHub Enterprise Server) for any other host. <c>--api-url</c> wins over it.
    /// </summary>
    public Uri DefaultApiUrl => Forge.DefaultApiBase(ForgeTarget.Parse(Remote.Url, "the repository"));

    /// <summary>The forge that parses and serves the target.</summary>
    private static IForgeFamily Forge => ForgeRegistry.Default["github"];

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
        ForgeTarget target;
        try
        {
            target = Forge.Accept(ForgeTarget.Parse(url, where), where);
        }
        catch (ForgeTargetException e)
        {
            throw new UsageException(e.Message);
        }

        var owner = string.Join('/', target.Groups);
        return new RunTarget(new GitRemote(target.CloneUrl, target.FullName), owner, target.Name);
    }

    /// <summary><c>git@github.com:acme/gitops.git</c> → <c>https://github.com/acme/gitops.git</c>; a token works over HTTPS only.</summary>
    private static string ScpToHttps(string url)
    {
        var match = ScpPattern().Match(url);
        return match.Success ? $"https://{match.Groups["host"].Value}/{match.Groups["path"].Value}" : url;
    }

    [GeneratedRegex(@"^[\w.-]+@(?<host>[\w.-]+):(?<path>.+)$")]
    private static partial Regex ScpPattern();
}

using System.Net;
using System.Text.RegularExpressions;

namespace Tidemark.Forges;

/// <summary>
/// A repository as its web URL names it, before a forge has judged it: the host (<c>https://gitlab.example</c>) and the
/// path — groups, possibly nested, then the name: <c>https://gitlab.example/platform/team/gitops.git</c> →
/// (<c>platform</c>, <c>team</c>) and <c>gitops</c>. Each forge says which shapes it takes
/// (<see cref="IForgeFamily.Accept"/>): GitHub takes exactly OWNER/REPO.
/// </summary>
internal sealed partial record ForgeTarget(Uri Host, IReadOnlyList<string> Groups, string Name)
{
    /// <summary>The URL as given, for messages.</summary>
    public string Url { get; init; } = "";

    /// <summary><c>platform/team/gitops</c>.</summary>
    public string FullName => string.Join('/', [.. Groups, Name]);

    /// <summary>The clone URL without credentials: <c>https://host/platform/team/gitops.git</c>.</summary>
    public string CloneUrl => $"{Host.Scheme}://{Host.Authority}/{FullName}.git";

    /// <summary>
    /// Reads <paramref name="url"/>: https:// (plain http:// only to a loopback address), no credentials, at least one
    /// group and a name. Throws <see cref="ForgeTargetException"/> naming <paramref name="where"/> and the fix.
    /// </summary>
    public static ForgeTarget Parse(string url, string where)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            throw new ForgeTargetException($"{where}: {Safe(url)} is not an https:// URL without credentials (give the token with GITHUB_TOKEN or --token-file)");
        }

        var loopback = IPAddress.TryParse(uri.Host, out var address) ? IPAddress.IsLoopback(address) : uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback))
        {
            throw new ForgeTargetException($"{where}: {url} must use https:// (plain http:// only to a loopback address)");
        }

        var match = PathPattern().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            throw new ForgeTargetException($"{where}: {url} does not name a repository as …/OWNER/REPO");
        }

        var segments = match.Groups["segment"].Captures.Select(c => c.Value).ToList();
        return new ForgeTarget(new Uri($"{uri.Scheme}://{uri.Authority}/"), segments, match.Groups["name"].Value) { Url = url };
    }

    private static string Safe(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo, "***", StringComparison.Ordinal) : url;

    [GeneratedRegex(@"^(/(?<segment>[A-Za-z0-9][A-Za-z0-9._-]*))+/(?<name>[A-Za-z0-9._-]+?)(\.git)?/?$")]
    private static partial Regex PathPattern();
}

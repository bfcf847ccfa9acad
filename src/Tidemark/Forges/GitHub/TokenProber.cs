using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Does a token work for the repository? One <c>GET /repos/o/r</c>: 401 for a token that is invalid, expired or
/// revoked, 404 for one that cannot see the repository, and the expiry header on every answer. Never writes. The
/// repository read is handed back so the forge need not read it again.
/// </summary>
internal sealed class TokenProber(GitHubCaller caller, GitHubForgeOptions options)
{
    private static readonly Dictionary<string, string> NoParameters = [];

    public async Task<(TokenProbe Probe, Repository? Repository)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var repository = await caller.CallAsync("read the repository",
                c => c.Connection.Get<Repository>(new Uri($"repos/{options.Owner}/{options.Repository}", UriKind.Relative), NoParameters), cancellationToken).ConfigureAwait(false);
            var headers = repository.HttpResponse.Headers;
            return (new TokenProbe(true, ResponseHeaders.TokenExpiry(headers), ResponseHeaders.TokenExpiryIsNow(headers), null), repository.Body);
        }
        catch (ForgeException error)
        {
            return (new TokenProbe(false, null, false, new ForgeProblem(error.Kind, error.Message)), null);
        }
    }
}

using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Does a token work for the repository? <c>GET /rate_limit</c> (alive, any kind of token) then
/// <c>GET /repos/o/r</c> (visible to it); reads the expiry header of both. Never writes.
/// </summary>
internal sealed class TokenProber(GitHubCaller caller, GitHubForgeOptions options)
{
    private static readonly Dictionary<string, string> NoParameters = [];

    public async Task<TokenProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string>? headers = null;
        try
        {
            var rate = await caller.CallAsync("check the token",
                c => c.Connection.Get<MiscellaneousRateLimit>(new Uri("rate_limit", UriKind.Relative), NoParameters), cancellationToken).ConfigureAwait(false);
            headers = rate.HttpResponse.Headers;
            var repository = await caller.CallAsync("read the repository",
                c => c.Connection.Get<Repository>(new Uri($"repos/{options.Owner}/{options.Repository}", UriKind.Relative), NoParameters), cancellationToken).ConfigureAwait(false);
            headers = repository.HttpResponse.Headers;
            return new TokenProbe(true, ResponseHeaders.TokenExpiry(headers), ResponseHeaders.TokenExpiryIsNow(headers), null);
        }
        catch (ForgeException error)
        {
            return new TokenProbe(false, ResponseHeaders.TokenExpiry(headers), ResponseHeaders.TokenExpiryIsNow(headers), new ForgeProblem(error.Kind, error.Message));
        }
    }
}

using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Credentials;

/// <summary>
/// The token of one <c>tidemark run</c>: its source and the value read first. <see cref="Current"/> is what git and
/// Octokit ask before each use — the same value for env/file/command, and for a GitHub App the cached installation
/// token, minted anew when it nears expiry.
/// </summary>
internal sealed record RunCredentials(ITokenSource Source, ResolvedToken Resolved)
{
    public ValueTask<string> Current(CancellationToken cancellationToken) =>
        Source is AppTokenSource app ? new ValueTask<string>(app.ReadAsync(cancellationToken)) : ValueTask.FromResult(Resolved.Value);
}

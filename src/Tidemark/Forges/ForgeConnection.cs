using Microsoft.Extensions.Logging;

namespace Tidemark.Forges;

/// <summary>
/// What a forge needs to reach one repository: the API base, the repository (<c>Owner</c> is the whole group path on
/// forges with nested groups), the token provider delegate (read for every request; an empty token sends anonymously),
/// the clock and the logger. The token itself is never part of it.
/// </summary>
internal sealed record ForgeConnection(
    Uri ApiBase,
    string Owner,
    string Repository,
    Func<CancellationToken, ValueTask<string>> Token,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>The HTTP handler below the forge's HTTP setup; null: a socket handler (tests put a loopback fault server's rewriter here).</summary>
    public HttpMessageHandler? Handler { get; init; }
}

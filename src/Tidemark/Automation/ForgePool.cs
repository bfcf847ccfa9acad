using Microsoft.Extensions.Logging;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;

namespace Tidemark.Automation;

/// <summary>
/// One <see cref="GitHubForge"/> per token for the length of a command: the forge that probed the chosen token is
/// the one the run goes on with, so the repository it read while probing is not read again. Disposes them all.
/// </summary>
internal sealed class ForgePool(TimeProvider time, ILoggerFactory logging, Uri apiUrl, string owner, string repository) : IDisposable
{
    private readonly Dictionary<ITokenProvider, GitHubForge> forges = new(ReferenceEqualityComparer.Instance);

    public GitHubForge For(ITokenProvider credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!forges.TryGetValue(credentials, out var forge))
        {
            forge = GitHubFamily.Build(new ForgeConnection(apiUrl, owner, repository, credentials.CurrentAsync, time, logging.CreateLogger("Tidemark.Forges")));
            forges.Add(credentials, forge);
        }

        return forge;
    }

    public void Dispose()
    {
        foreach (var forge in forges.Values)
        {
            forge.Dispose();
        }

        forges.Clear();
    }
}

using Octokit;
using OctokitCredentials = Octokit.Credentials;

namespace Tidemark.Forges.GitHub;

/// <summary>Hands Octokit the token fetched for the current call, so a rotating token provider is honoured.</summary>
internal sealed class TokenCredentialStore : ICredentialStore
{
    private volatile OctokitCredentials current = OctokitCredentials.Anonymous;

    public void Use(string token) => current = new OctokitCredentials(token);

    public Task<OctokitCredentials> GetCredentials() => Task.FromResult(current);
}

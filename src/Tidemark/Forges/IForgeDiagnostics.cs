using System.Text.Json.Nodes;
using Tidemark.Forges.GitHub;

namespace Tidemark.Forges;

/// <summary>
/// What <c>tidemark doctor</c> and <c>token check</c> ask of a forge about one repository: read-only probes that keep the
/// whole answer (status, diagnostic headers, body — <see cref="ProbeResponse"/>) or a judged summary, plus the one
/// opt-in write probe. Nothing here changes the repository except <see cref="WriteProbeAsync"/>, which the caller
/// undoes. Every probe goes through the forge's one HTTP setup; a forge built without a token sends anonymously.
/// </summary>
internal interface IForgeDiagnostics : IDisposable
{
    /// <summary>The API's base address, e.g. <c>https://api.github.com/</c>.</summary>
    Uri ApiBase { get; }

    /// <summary>The API's root, anonymously: is this a forge's REST API at all?</summary>
    Task<ProbeResponse> ReachAsync(CancellationToken cancellationToken);

    /// <summary>The token's rate limit (and whether the token is accepted at all).</summary>
    Task<ProbeResponse> RateLimitAsync(CancellationToken cancellationToken);

    /// <summary>The token's user: login, classic scopes, expiry.</summary>
    Task<ProbeResponse> UserAsync(CancellationToken cancellationToken);

    /// <summary>The repository as the token sees it: visibility, role, default branch.</summary>
    Task<ProbeResponse> RepositoryAsync(CancellationToken cancellationToken);

    /// <summary>The head reference of <paramref name="branch"/>.</summary>
    Task<ProbeResponse> BranchHeadAsync(string branch, CancellationToken cancellationToken);

    /// <summary>The branch with its classic protection summary.</summary>
    Task<ProbeResponse> BranchAsync(string branch, CancellationToken cancellationToken);

    /// <summary>The rules (rulesets) that apply to <paramref name="branch"/>.</summary>
    Task<ProbeResponse> BranchRulesAsync(string branch, CancellationToken cancellationToken);

    /// <summary>Open pull requests from <paramref name="head"/> (<c>OWNER:branch</c>), at most one.</summary>
    Task<ProbeResponse> OpenPullRequestsAsync(string head, CancellationToken cancellationToken);

    /// <summary>The write probe: tries to open the pull request <paramref name="pullRequest"/> describes (the caller closes it or reads the refusal).</summary>
    Task<ProbeResponse> WriteProbeAsync(JsonObject pullRequest, CancellationToken cancellationToken);

    /// <summary>Classic branch protection of <paramref name="branch"/>, or null when the branch is not protected.</summary>
    Task<BranchProtectionInfo?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken);

    /// <summary>Read-only probes of what the token can do here, judged; never writes.</summary>
    Task<AccessReport> InspectAccessAsync(CancellationToken cancellationToken);

    /// <summary>Whether the token works for this repository and when it expires (one repository read); never writes.</summary>
    Task<TokenProbe> ProbeTokenAsync(CancellationToken cancellationToken);
}

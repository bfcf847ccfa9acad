using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// One GitHub repository, both ports (automation: <see cref="IForge"/>; diagnostics: <see cref="IForgeDiagnostics"/>,
/// in GitHubForge.Diagnostics.cs) over one <see cref="GitHubHttp"/>. The automation verbs go through Octokit, whose
/// connection is built by hand so the base URI is kept as given (api.github.com, GHES <c>/api/v3/</c>, a test server);
/// Octokit's own constructor would rewrite it.
/// <code>
/// using var forge = new GitHubForge(new GitHubForgeOptions(new Uri("https://api.github.com/"), "acme", "gitops"),
///     ct => ValueTask.FromResult(token), TimeProvider.System, logger);
/// </code>
/// </summary>
internal sealed partial class GitHubForge : IForge, IForgeDiagnostics, IDisposable
{
    private readonly GitHubForgeOptions options;
    private readonly GitHubHttp http;
    private readonly HttpClientAdapter octokitHttp;
    private readonly GitHubCaller caller;
    private readonly PullRequestEnsurer ensurer;
    private readonly AccessInspector inspector;
    private readonly TokenProber prober;
    private readonly ILogger logger;
    private ForgeRepository? repositoryRead;

    public GitHubForge(
        GitHubForgeOptions options,
        Func<CancellationToken, ValueTask<string>> tokenProvider,
        TimeProvider time,
        ILogger logger,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var apiBase = Forges.ApiBase.Normalize(options.ApiBase);
        this.options = options with { ApiBase = apiBase };
        this.logger = logger;
        var policy = this.options.Policy;
        http = new GitHubHttp(apiBase, async ct => await tokenProvider(ct).ConfigureAwait(false), policy, time,
            options.Jitter ?? new Random((int)time.GetTimestamp()), logger, handler);
        octokitHttp = new HttpClientAdapter(() => http.Handler);
        // Octokit sends anonymously: the HTTP setup's auth handler puts the provider's current token on every attempt
        var connection = new Connection(new ProductHeaderValue("tidemark"), apiBase, new InMemoryCredentialStore(Octokit.Credentials.Anonymous), octokitHttp, new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        // the pipeline bounds each attempt and the whole call; Octokit's own timeout only backs that up
        client.SetRequestTimeout(policy.TotalTimeout + TimeSpan.FromSeconds(5));
        caller = new GitHubCaller(client, this.options, time);
        ensurer = new PullRequestEnsurer(this, caller, this.options, logger);
        inspector = new AccessInspector(caller, this.options);
        prober = new TokenProber(caller, this.options);
    }

    /// <summary>Writes sent so far through this forge's HTTP setup (Octokit's and the diagnostics' alike).</summary>
    public int WriteCount => http.WriteCount;

    public Uri ApiBase => options.ApiBase;

    private string Owner => options.Owner;

    private string Name => options.Repository;

    /// <summary>Read once per forge (a command's lifetime): the token probe's read counts.</summary>
    public async Task<ForgeRepository> GetRepositoryAsync(CancellationToken cancellationToken) =>
        repositoryRead ??= ToForgeRepository(await caller.CallAsync("read the repository", c => c.Repository.Get(Owner, Name), cancellationToken).ConfigureAwait(false));

    private static ForgeRepository ToForgeRepository(Repository repository)
    {
        var p = repository.Permissions;
        return new ForgeRepository(
            repository.FullName,
            repository.DefaultBranch,
            repository.Private,
            repository.Archived,
            new ForgePermissions(p?.Admin ?? false, p?.Maintain ?? false, p?.Push ?? false, p?.Triage ?? false, p?.Pull ?? false));
    }

    public async Task<PullRequestInfo?> FindOpenPullRequestAsync(string updateBranch, string baseBranch, CancellationToken cancellationToken)
    {
        var pull = await FindOpenAsync(updateBranch, baseBranch, cancellationToken).ConfigureAwait(false);
        return pull is null ? null : PullRequestMapping.ToInfo(pull);
    }

    public async Task<IReadOnlyList<PullRequestInfo>> FindPullRequestsAsync(string updateBranch, PullRequestStateFilter state, CancellationToken cancellationToken)
    {
        var filter = state switch
        {
            PullRequestStateFilter.Open => ItemStateFilter.Open,
            PullRequestStateFilter.Closed => ItemStateFilter.Closed,
            _ => ItemStateFilter.All,
        };
        var pulls = await ListAsync(updateBranch, null, filter, cancellationToken).ConfigureAwait(false);
        return [.. pulls.Select(PullRequestMapping.ToInfo)];
    }

    public Task<EnsureOutcome> EnsurePullRequestAsync(PullRequestSpec spec, CancellationToken cancellationToken) =>
        ensurer.EnsureAsync(spec, cancellationToken);

    public async Task ClosePullRequestAsync(int number, string? comment, CancellationToken cancellationToken)
    {
        var pull = await caller.CallAsync($"read pull request #{number}", c => c.PullRequest.Get(Owner, Name, number), cancellationToken).ConfigureAwait(false);
        if (pull.State.Value == ItemState.Closed)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            await CommentAsync(number, comment, cancellationToken).ConfigureAwait(false);
        }

        var update = new PullRequestUpdate { State = ItemState.Closed };
        await caller.CallAsync($"close pull request #{number}", c => c.PullRequest.Update(Owner, Name, number, update), cancellationToken).ConfigureAwait(false);
    }

    public Task CommentAsync(int number, string body, CancellationToken cancellationToken) =>
        caller.CallAsync($"comment on pull request #{number}", c => c.Issue.Comment.Create(Owner, Name, number, body), cancellationToken);

    public async Task DeleteBranchAsync(string branch, CancellationToken cancellationToken)
    {
        try
        {
            await caller.CallAsync($"delete branch {branch}", c => c.Git.Reference.Delete(Owner, Name, "heads/" + branch), cancellationToken).ConfigureAwait(false);
        }
        catch (ForgeException error) when (error is { Kind: ForgeErrorKind.Validation } && error.Details.Any(d => d.Contains("Reference does not exist", StringComparison.OrdinalIgnoreCase)))
        {
            // already gone, e.g. deleted by GitHub on merge: deleting is idempotent
            Log.BranchAlreadyGone(logger, options.FullName, branch);
        }
    }

    public async Task<BranchProtectionInfo?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await caller.CallAsync($"read the protection of branch {branch}",
                c => c.Repository.Branch.GetBranchProtection(Owner, Name, branch), cancellationToken).ConfigureAwait(false);
            return new BranchProtectionInfo(
                branch,
                [.. settings.RequiredStatusChecks?.Contexts ?? []],
                settings.RequiredPullRequestReviews?.RequiredApprovingReviewCount ?? 0,
                settings.EnforceAdmins?.Enabled ?? false);
        }
        catch (ForgeException error) when (error is { Kind: ForgeErrorKind.NotFound } && error.Details.Contains("Branch not protected", StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    public Task<AccessReport> InspectAccessAsync(CancellationToken cancellationToken) => inspector.InspectAsync(cancellationToken);

    public async Task<TokenProbe> ProbeTokenAsync(CancellationToken cancellationToken)
    {
        var (probe, repository) = await prober.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (repository is not null)
        {
            repositoryRead ??= ToForgeRepository(repository);
        }

        return probe;
    }

    /// <summary>The open pull request from the update branch into the base; the oldest when GitHub has several.</summary>
    internal async Task<PullRequest?> FindOpenAsync(string updateBranch, string baseBranch, CancellationToken cancellationToken)
    {
        var pulls = await ListAsync(updateBranch, baseBranch, ItemStateFilter.Open, cancellationToken).ConfigureAwait(false);
        if (pulls.Count > 1)
        {
            Log.DuplicatePullRequests(logger, options.FullName, pulls.Count, updateBranch, baseBranch, pulls[^1].Number);
        }

        return pulls.Count == 0 ? null : pulls[^1];
    }

    /// <summary>Pull requests whose head is exactly <c>OWNER:branch</c> of this repository, newest first.</summary>
    private async Task<IReadOnlyList<PullRequest>> ListAsync(string branch, string? baseBranch, ItemStateFilter state, CancellationToken cancellationToken)
    {
        var request = new PullRequestRequest
        {
            State = state,
            Head = $"{Owner}:{branch}",
            Base = baseBranch,
            SortProperty = PullRequestSort.Created,
            SortDirection = SortDirection.Descending,
        };
        var pulls = await caller.CallAsync("list pull requests",
            c => c.PullRequest.GetAllForRepository(Owner, Name, request, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        return [.. pulls
            .Where(p => PullRequestMapping.IsFrom(p, options.FullName, branch))
            .Where(p => baseBranch is null || string.Equals(p.Base?.Ref, baseBranch, StringComparison.Ordinal))
            .OrderByDescending(p => p.Number)];
    }

    public void Dispose()
    {
        octokitHttp.Dispose();
        http.Dispose();
    }
}

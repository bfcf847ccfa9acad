using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Read-only probes of a token on one repository (research github.md §2, "what a doctor command should check"):
/// <c>GET /rate_limit</c> (alive? quota), <c>GET /user</c> (login, classic scopes, expiry), <c>GET /repos/o/r</c>
/// (visible? role, archived, SSO) and <c>GET /repos/o/r/pulls?per_page=1</c> (may read pull requests?). Nothing is written.
/// </summary>
internal sealed class AccessInspector(GitHubCaller caller, GitHubForgeOptions options)
{
    private static readonly Dictionary<string, string> NoParameters = [];

    public async Task<AccessReport> InspectAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ForgeProblem>();
        var report = new AccessReport(options.FullName, false, null, null, false, null, null, null, null, null, problems);
        try
        {
            var rate = await GetAsync<MiscellaneousRateLimit>("rate_limit", "check the token", cancellationToken).ConfigureAwait(false);
            report = report with { TokenValid = true, RateLimitRemaining = rate.Body.Resources?.Core?.Remaining };
        }
        catch (ForgeException error)
        {
            problems.Add(new ForgeProblem(error.Kind, error.Message));
            return report;
        }

        report = await ReadUserAsync(report, cancellationToken).ConfigureAwait(false);
        report = await ReadRepositoryAsync(report, problems, cancellationToken).ConfigureAwait(false);
        if (report.RepositoryVisible)
        {
            await ProbePullRequestsAsync(problems, cancellationToken).ConfigureAwait(false);
        }

        CheckScopes(report, problems);
        return report;
    }

    private async Task<AccessReport> ReadUserAsync(AccessReport report, CancellationToken cancellationToken)
    {
        try
        {
            var user = await GetAsync<User>("user", "read the token's user", cancellationToken).ConfigureAwait(false);
            var headers = user.HttpResponse.Headers;
            var scopes = ResponseHeaders.Get(headers, "X-OAuth-Scopes");
            return report with
            {
                Login = user.Body.Login,
                Scopes = scopes is null ? null : [.. scopes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                TokenExpiresAt = ResponseHeaders.TokenExpiry(headers),
            };
        }
        catch (ForgeException error) when (error.Kind is ForgeErrorKind.MissingPermission)
        {
            // installation tokens may not read /user; that is no problem for Tidemark
            return report;
        }
    }

    private async Task<AccessReport> ReadRepositoryAsync(AccessReport report, List<ForgeProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            var response = await GetAsync<Repository>($"repos/{options.Owner}/{options.Repository}", "read the repository", cancellationToken).ConfigureAwait(false);
            var repository = response.Body;
            var canPush = repository.Permissions?.Push;
            if (canPush == false)
            {
                problems.Add(new ForgeProblem(ForgeErrorKind.MissingPermission,
                    $"the token's user has no write access to {options.FullName} (permissions.push is false): ask for the Write role, then run `tidemark doctor`"));
            }

            if (repository.Archived)
            {
                problems.Add(new ForgeProblem(ForgeErrorKind.OrganizationPolicy, $"{options.FullName} is archived and read-only: unarchive it or remove it from the configuration"));
            }

            return report with
            {
                RepositoryVisible = true,
                CanPush = canPush,
                Archived = repository.Archived,
                TokenExpiresAt = report.TokenExpiresAt ?? ResponseHeaders.TokenExpiry(response.HttpResponse.Headers),
            };
        }
        catch (ForgeException error)
        {
            problems.Add(new ForgeProblem(error.Kind, error.Message));
            return report with { SsoAuthorizationUrl = error.SsoUrl };
        }
    }

    private async Task ProbePullRequestsAsync(List<ForgeProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new Dictionary<string, string> { ["per_page"] = "1", ["state"] = "open" };
            await caller.CallAsync("list pull requests",
                c => c.Connection.Get<List<PullRequest>>(new Uri($"repos/{options.Owner}/{options.Repository}/pulls", UriKind.Relative), parameters),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ForgeException error)
        {
            problems.Add(new ForgeProblem(error.Kind, error.Message));
        }
    }

    private void CheckScopes(AccessReport report, List<ForgeProblem> problems)
    {
        if (report.Scopes is not { } scopes || scopes.Contains("repo", StringComparer.Ordinal))
        {
            return;
        }

        problems.Add(new ForgeProblem(ForgeErrorKind.MissingPermission,
            $"the classic token has the scopes \"{string.Join(", ", scopes)}\" but not repo, which pushing and pull requests in {options.FullName} need: add the repo scope"));
    }

    private Task<IApiResponse<T>> GetAsync<T>(string path, string action, CancellationToken cancellationToken) =>
        caller.CallAsync(action, c => c.Connection.Get<T>(new Uri(path, UriKind.Relative), NoParameters), cancellationToken);
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>Refusals, rate limits, base URIs and access inspection of the GitHub forge against the simulator.</summary>
public sealed class GitHubForgeAccessTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Branch = "tidemark/update";

    private GitHubSimulator GitHub => fixture.GitHub;

    private static PullRequestSpec Spec() => new(Branch, "main", "Update container images", "body", [], [], []);

    private async Task<SimRepository> RepositoryWithUpdateBranchAsync(string owner = "alice")
    {
        var repository = await fixture.NewRepositoryAsync(owner);
        await GitHub.CommitAsync(repository, Branch, new Dictionary<string, string> { ["deploy/app.yaml"] = "image: nginx:1.26.0\n" });
        return repository;
    }

    [Fact]
    public async Task AnyCall_RevokedToken_BadCredentialsWithoutTheToken()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]);
        GitHub.Revoke(token);
        using var forge = ForgeFactory.For(GitHub, repository, token.Value);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Equal((ForgeErrorKind.BadCredentials, 401), (error.Kind, error.StatusCode));
        Assert.Contains(repository.FullName, error.Message, StringComparison.Ordinal);
        Assert.Contains("tidemark doctor", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Value, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_FineGrainedWithoutPullRequestsWrite_MissingPermissionNamingIt()
    {
        var repository = await RepositoryWithUpdateBranchAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", [repository.Name],
            new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "read" }).Value;
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.EnsurePullRequestAsync(Spec(), CancellationToken.None));

        Assert.Equal((ForgeErrorKind.MissingPermission, "pull_requests=write"), (error.Kind, error.Permission));
        Assert.Contains($"the token cannot create a pull request in {repository.FullName}: it lacks pull_requests=write", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, forge.WriteCount); // the refused POST is the only write sent
    }

    [Fact]
    public async Task GetRepository_RepositoryOutsideFineGrainedSelection_NotFound()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", ["some-other-repository"], new Dictionary<string, string> { ["contents"] = "write" }).Value;
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Equal((ForgeErrorKind.NotFound, 404), (error.Kind, error.StatusCode));
    }

    [Fact]
    public async Task GetRepository_SsoOrganizationWithUnauthorisedToken_SsoRequiredWithTheUrl()
    {
        var repository = await fixture.NewRepositoryAsync("sso-org");
        GitHub.AddCollaborator(repository, "alice", RepositoryRole.Admin);
        var token = GitHub.IssueClassicToken("alice", ["repo"], expiresAt: null, ssoAuthorized: false).Value;
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Equal(ForgeErrorKind.SsoRequired, error.Kind);
        Assert.StartsWith($"{GitHub.BaseUri}orgs/sso-org/sso?authorization_request=", error.SsoUrl, StringComparison.Ordinal);
        Assert.Contains(error.SsoUrl!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRepository_ClassicTokenInLockedOrganization_OrganizationPolicy()
    {
        var repository = await fixture.NewRepositoryAsync("locked-org");
        GitHub.AddCollaborator(repository, "alice", RepositoryRole.Admin);
        using var forge = ForgeFactory.For(GitHub, repository, GitHub.IssueClassicToken("alice", ["repo"]).Value);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Equal(ForgeErrorKind.OrganizationPolicy, error.Kind);
        Assert.Contains("forbids access via a personal access token (classic)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAndRead_GhesBase_UsesTheApiV3Path()
    {
        var repository = await RepositoryWithUpdateBranchAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;
        var seenPaths = new List<string>();
        using var handler = new RewritingHandler((request, response, _) =>
        {
            lock (seenPaths)
            {
                seenPaths.Add(request.RequestUri!.AbsolutePath);
            }

            return Task.FromResult(response);
        });
        using var forge = ForgeFactory.For(GitHub, repository, token, handler, apiBase: GitHub.GhesApiUri);

        var described = await forge.GetRepositoryAsync(CancellationToken.None);
        var outcome = await forge.EnsurePullRequestAsync(Spec(), CancellationToken.None);

        Assert.Equal((repository.FullName, "main", true), (described.FullName, described.DefaultBranch, described.Permissions.Push));
        Assert.Equal(EnsureAction.Created, outcome.Action);
        Assert.All(seenPaths, p => Assert.StartsWith("/api/v3/repos/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_SendsUserAgentAndApiVersion()
    {
        var repository = await fixture.NewRepositoryAsync();
        var headers = new List<(string Agent, string Version, string Scheme)>();
        using var handler = new RewritingHandler((request, response, _) =>
        {
            headers.Add((request.Headers.UserAgent.ToString(), string.Join(",", request.Headers.GetValues("X-GitHub-Api-Version")), request.Headers.Authorization!.Scheme));
            return Task.FromResult(response);
        });
        using var forge = ForgeFactory.For(GitHub, repository, GitHub.IssueClassicToken("alice", ["repo"]).Value, handler);

        await forge.GetRepositoryAsync(CancellationToken.None);

        Assert.Equal([("tidemark", "2022-11-28", "Token")], headers);
    }

    [Fact]
    public async Task AnyCall_One429WithRetryAfter_WaitsOnTheTimeProviderThenSucceeds()
    {
        var repository = await fixture.NewRepositoryAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        using var handler = new RewritingHandler((request, response, n) => Task.FromResult(n == 1 ? TooManyRequests(request, retryAfterSeconds: 1) : response));
        using var forge = ForgeFactory.For(GitHub, repository, GitHub.IssueClassicToken("alice", ["repo"]).Value, handler, time);

        var call = forge.GetRepositoryAsync(CancellationToken.None);
        await AdvanceUntilDoneAsync(time, call, TimeSpan.FromSeconds(1));

        Assert.Equal(repository.FullName, (await call).FullName);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.OK], handler.Seen.Select(s => s.Status));
        Assert.True(time.GetUtcNow() >= time.Start.AddSeconds(1), "the retry waited for Retry-After on the injected clock");
    }

    [Fact]
    public async Task AnyCall_RetryAfterBeyondTheCap_RateLimitedSayingWhenToRetry()
    {
        var repository = await fixture.NewRepositoryAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        using var handler = new RewritingHandler((request, _, _) => Task.FromResult(TooManyRequests(request, retryAfterSeconds: 3600)));
        var options = new GitHubForgeOptions(GitHub.ApiUri, "alice", repository.Name) { MaxRateLimitWait = TimeSpan.FromSeconds(30) };
        using var forge = ForgeFactory.For(GitHub.ApiUri, "alice", repository.Name, GitHub.IssueClassicToken("alice", ["repo"]).Value, handler, time, options);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Equal((ForgeErrorKind.RateLimited, 429), (error.Kind, error.StatusCode));
        Assert.Equal(time.Start.AddHours(1), error.RetryAt);
        Assert.Contains("retry after 2026-11-01 13:00:00 UTC", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task AnyCall_PrimaryLimitExhaustedEveryTime_RetriesBoundedThenRateLimited()
    {
        var repository = await fixture.NewRepositoryAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var reset = time.Start.AddSeconds(10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var handler = new RewritingHandler((request, _, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Forbidden)
            {
                Content = new StringContent("""{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api","status":"403"}"""),
                RequestMessage = request,
            };
            response.Headers.Add("X-RateLimit-Remaining", "0");
            response.Headers.Add("X-RateLimit-Reset", reset);
            return Task.FromResult(response);
        });
        var options = new GitHubForgeOptions(GitHub.ApiUri, "alice", repository.Name) { MaxRetries = 2 };
        using var forge = ForgeFactory.For(GitHub.ApiUri, "alice", repository.Name, GitHub.IssueClassicToken("alice", ["repo"]).Value, handler, time, options);

        var call = forge.GetRepositoryAsync(CancellationToken.None);
        await AdvanceUntilDoneAsync(time, call, TimeSpan.FromSeconds(11));

        var error = await Assert.ThrowsAsync<ForgeException>(() => call);
        Assert.Equal(ForgeErrorKind.RateLimited, error.Kind);
        Assert.Equal(3, handler.Seen.Count);
    }

    private static HttpResponseMessage TooManyRequests(HttpRequestMessage request, int retryAfterSeconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","status":"429"}"""),
            RequestMessage = request,
        };
        response.Headers.Add("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task call, TimeSpan step)
    {
        for (var i = 0; i < 500 && !call.IsCompleted; i++)
        {
            await Task.Delay(20);
            if (!call.IsCompleted)
            {
                time.Advance(step);
            }
        }
    }
    [Fact]
    public async Task AnyCall_TokenRotated_TheNextCallUsesTheNewToken()
    {
        var repository = await fixture.NewRepositoryAsync();
        var first = GitHub.IssueClassicToken("alice", ["repo"]);
        var second = GitHub.IssueClassicToken("alice", ["repo"]);
        var current = first.Value;
        using var forge = new GitHubForge(new GitHubForgeOptions(GitHub.ApiUri, "alice", repository.Name),
            _ => ValueTask.FromResult(current), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        await forge.GetRepositoryAsync(CancellationToken.None);
        GitHub.Revoke(first);
        current = second.Value;
        var after = await forge.GetRepositoryAsync(CancellationToken.None);

        Assert.Equal(repository.FullName, after.FullName);
    }
}

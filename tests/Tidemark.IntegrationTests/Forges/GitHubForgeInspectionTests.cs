using Tidemark.Forges;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>Read-only probes of a token (for <c>tidemark doctor</c>) and branch protection, against the simulator.</summary>
public sealed class GitHubForgeInspectionTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private GitHubSimulator GitHub => fixture.GitHub;

    [Fact]
    public async Task InspectAccess_ExpiringClassicToken_ReportsLoginScopesPushExpiryAndWritesNothing()
    {
        var repository = await fixture.NewRepositoryAsync();
        var expiry = fixture.Time.GetUtcNow().AddDays(5);
        var token = GitHub.IssueClassicToken("alice", ["repo", "workflow"], expiresAt: expiry).Value;
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var report = await forge.InspectAccessAsync(CancellationToken.None);

        Assert.True(report.TokenValid);
        Assert.Equal("alice", report.Login);
        Assert.Equal(["repo", "workflow"], report.Scopes);
        Assert.True(report.RepositoryVisible);
        Assert.True(report.CanPush);
        Assert.False(report.Archived);
        Assert.Equal(expiry.ToUnixTimeSeconds(), report.TokenExpiresAt?.ToUnixTimeSeconds());
        Assert.Equal(5000, report.RateLimitRemaining);
        Assert.Empty(report.Problems);
        Assert.Equal(0, forge.WriteCount);
    }

    [Fact]
    public async Task InspectAccess_FineGrainedTokenOfAnotherSelection_RepositoryNotVisibleAndNoScopes()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", ["elsewhere"], new Dictionary<string, string> { ["contents"] = "write" }).Value;
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var report = await forge.InspectAccessAsync(CancellationToken.None);

        Assert.True(report.TokenValid);
        Assert.Null(report.Scopes);
        Assert.False(report.RepositoryVisible);
        Assert.Equal([ForgeErrorKind.NotFound], report.Problems.Select(p => p.Kind));
    }

    [Fact]
    public async Task InspectAccess_FineGrainedTokenWithoutPullRequests_ReportsTheMissingPermission()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "write" }).Value;
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var report = await forge.InspectAccessAsync(CancellationToken.None);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ForgeErrorKind.MissingPermission, problem.Kind);
        Assert.Contains("pull_requests=read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAccess_ReadOnlyCollaborator_ReportsNoPush()
    {
        var repository = await fixture.NewRepositoryAsync();
        GitHub.AddCollaborator(repository, "carol", RepositoryRole.Read);
        using var forge = ForgeFactory.For(GitHub, repository, GitHub.IssueClassicToken("carol", ["repo"]).Value);

        var report = await forge.InspectAccessAsync(CancellationToken.None);

        Assert.False(report.CanPush);
        Assert.Contains(report.Problems, p => p.Kind == ForgeErrorKind.MissingPermission && p.Message.Contains("permissions.push is false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAccess_SsoOrganization_ReportsTheAuthorisationUrl()
    {
        var repository = await fixture.NewRepositoryAsync("sso-org");
        GitHub.AddCollaborator(repository, "alice", RepositoryRole.Admin);
        using var forge = ForgeFactory.For(GitHub, repository, GitHub.IssueClassicToken("alice", ["repo"]).Value);

        var report = await forge.InspectAccessAsync(CancellationToken.None);

        Assert.StartsWith(GitHub.BaseUri + "orgs/sso-org/sso", report.SsoAuthorizationUrl, StringComparison.Ordinal);
        Assert.Equal([ForgeErrorKind.SsoRequired], report.Problems.Select(p => p.Kind));
    }

    [Fact]
    public async Task InspectAccess_BadToken_TokenInvalidAndStopsThere()
    {
        var repository = await fixture.NewRepositoryAsync();
        using var forge = ForgeFactory.For(GitHub, repository, "not-a-token");

        var report = await forge.InspectAccessAsync(CancellationToken.None);

        Assert.False(report.TokenValid);
        Assert.Equal([ForgeErrorKind.BadCredentials], report.Problems.Select(p => p.Kind));
        Assert.False(report.RepositoryVisible);
    }

    [Fact]
    public async Task GetBranchProtection_UnprotectedThenProtected_NullThenTheRules()
    {
        var repository = await fixture.NewRepositoryAsync();
        using var forge = ForgeFactory.For(GitHub, repository, GitHub.IssueClassicToken("alice", ["repo"]).Value);

        var before = await forge.GetBranchProtectionAsync("main", CancellationToken.None);
        GitHub.Protect(repository, "main", new BranchProtection { RequiredStatusChecks = ["ci/build"], RequiredApprovingReviewCount = 2 });
        var after = await forge.GetBranchProtectionAsync("main", CancellationToken.None);

        Assert.Null(before);
        Assert.NotNull(after);
        Assert.Equal(["ci/build"], after.RequiredStatusChecks);
        Assert.Equal(2, after.RequiredApprovingReviews);
    }
}

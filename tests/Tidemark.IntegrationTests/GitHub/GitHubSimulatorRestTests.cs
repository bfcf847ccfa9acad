using System.Net;
using Tidemark.Testing.GitHub;
using static Tidemark.IntegrationTests.GitHub.RestCalls;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>REST behaviour with plain HttpClient: pull requests, labels, comments, reviewers, refs, token failures.</summary>
public sealed class GitHubSimulatorRestTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = fixture.GitHub.ApiUri };

    private GitHubSimulator GitHub => fixture.GitHub;

    [Fact]
    public async Task PullRequest_CreateFindUpdateClose_BehavesLikeGitHub()
    {
        var repository = await fixture.NewRepositoryAsync();
        await GitHub.CommitAsync(repository, "flux-image-updates", new Dictionary<string, string> { ["deploy/app.yaml"] = "image: nginx:1.26.0\n" });
        await GitHub.CommitAsync(repository, "other", new Dictionary<string, string> { ["x"] = "x" });
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;
        var pulls = $"repos/alice/{repository.Name}/pulls";

        var (created, pr) = await SendAsync(http, HttpMethod.Post, pulls, token, new { title = "Update images", head = "flux-image-updates", @base = "main", body = "one" });
        await SendAsync(http, HttpMethod.Post, pulls, token, new { title = "Other", head = "other", @base = "main" });
        var (duplicate, duplicateBody) = await SendAsync(http, HttpMethod.Post, pulls, token, new { title = "again", head = "alice:flux-image-updates", @base = "main" });
        var (_, byHead) = await SendAsync(http, HttpMethod.Get, pulls + "?head=alice:flux-image-updates&state=open", token);
        var (_, bareBranch) = await SendAsync(http, HttpMethod.Get, pulls + "?head=flux-image-updates", token);
        var number = pr!["number"]!.GetValue<int>();
        var (updated, updatedBody) = await SendAsync(http, HttpMethod.Patch, $"{pulls}/{number}", token, new { body = "two" });
        var (_, closed) = await SendAsync(http, HttpMethod.Patch, $"{pulls}/{number}", token, new { state = "closed" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith($"/pulls/{number}", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal("A pull request already exists for alice:flux-image-updates.", duplicateBody!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal([number], byHead!.AsArray().Select(p => p!["number"]!.GetValue<int>()));
        Assert.Equal(2, bareBranch!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("two", updatedBody!["body"]!.GetValue<string>());
        Assert.Equal("closed", closed!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreatePullRequest_NoCommitsOrMissingBranches_Answers422()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;
        var pulls = $"repos/alice/{repository.Name}/pulls";
        var (_, main) = await SendAsync(http, HttpMethod.Get, $"repos/alice/{repository.Name}/git/ref/heads/main", token);
        await SendAsync(http, HttpMethod.Post, $"repos/alice/{repository.Name}/git/refs", token, new { @ref = "refs/heads/same", sha = main!["object"]!["sha"]!.GetValue<string>() });

        var (_, none) = await SendAsync(http, HttpMethod.Post, pulls, token, new { title = "t", head = "same", @base = "main" });
        var (_, invalid) = await SendAsync(http, HttpMethod.Post, pulls, token, new { title = "t", head = "missing", @base = "nope" });

        Assert.Equal("No commits between main and same", none!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(["base", "head"], invalid!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task LabelsCommentsReviewers_OnPullRequest_AreKept()
    {
        var repository = await fixture.NewRepositoryAsync();
        await GitHub.CommitAsync(repository, "flux-image-updates", new Dictionary<string, string> { ["a"] = "a" });
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;
        var root = $"repos/alice/{repository.Name}";
        var (_, pr) = await SendAsync(http, HttpMethod.Post, root + "/pulls", token, new { title = "t", head = "flux-image-updates", @base = "main" });
        var n = pr!["number"]!.GetValue<int>();

        var (_, labels) = await SendAsync(http, HttpMethod.Post, $"{root}/issues/{n}/labels", token, new { labels = new[] { "automerge", "images" } });
        var (_, replaced) = await SendAsync(http, HttpMethod.Put, $"{root}/issues/{n}/labels", token, new { labels = new[] { "images" } });
        var (commented, _) = await SendAsync(http, HttpMethod.Post, $"{root}/issues/{n}/comments", token, new { body = "hello" });
        var (_, comments) = await SendAsync(http, HttpMethod.Get, $"{root}/issues/{n}/comments", token);
        var (reviewed, _) = await SendAsync(http, HttpMethod.Post, $"{root}/pulls/{n}/requested_reviewers", token, new { reviewers = new[] { "bob" } });
        var (stranger, strangerBody) = await SendAsync(http, HttpMethod.Post, $"{root}/pulls/{n}/requested_reviewers", token, new { reviewers = new[] { "carol" } });

        Assert.Equal(2, labels!.AsArray().Count);
        Assert.Equal("images", replaced!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, commented.StatusCode);
        Assert.Equal("hello", comments!.AsArray().Single()!["body"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.StartsWith("Reviews may only be requested from collaborators.", strangerBody!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["bob"], repository.PullRequests.Single().RequestedReviewers);
    }

    [Fact]
    public async Task Refs_GetCreateDelete_ReadAndWriteTheBareRepository()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;
        var root = $"repos/alice/{repository.Name}/git";

        var (_, main) = await SendAsync(http, HttpMethod.Get, root + "/ref/heads/main", token);
        var sha = main!["object"]!["sha"]!.GetValue<string>();
        var (created, _) = await SendAsync(http, HttpMethod.Post, root + "/refs", token, new { @ref = "refs/heads/probe", sha });
        var (_, matching) = await SendAsync(http, HttpMethod.Get, root + "/matching-refs/heads/pro", token);
        var (deleted, _) = await SendAsync(http, HttpMethod.Delete, root + "/refs/heads/probe", token);
        var (again, againBody) = await SendAsync(http, HttpMethod.Delete, root + "/refs/heads/probe", token);
        var (missing, _) = await SendAsync(http, HttpMethod.Get, root + "/ref/heads/probe", token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("refs/heads/probe", matching!.AsArray().Single()!["ref"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("Reference does not exist", againBody!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetRepository_ExpiredToken_Answers401BadCredentials()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"], expiresAt: fixture.Time.GetUtcNow().AddDays(400)).Value;

        var (before, _) = await SendAsync(http, HttpMethod.Get, $"repos/alice/{repository.Name}", token);
        fixture.Time.Advance(TimeSpan.FromDays(401));
        var (after, body) = await SendAsync(http, HttpMethod.Get, $"repos/alice/{repository.Name}", token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("repo", before.Headers.GetValues("X-OAuth-Scopes").Single());
        Assert.EndsWith(" UTC", before.Headers.GetValues("GitHub-Authentication-Token-Expiration").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bad credentials", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetRepository_SsoOrganizationWithUnauthorizedClassicToken_Answers403WithSsoHeader()
    {
        var repository = await fixture.NewRepositoryAsync("sso-org");
        GitHub.AddCollaborator(repository, "alice", RepositoryRole.Admin);
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;

        var (response, _) = await SendAsync(http, HttpMethod.Get, $"repos/sso-org/{repository.Name}", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("required; url=", response.Headers.GetValues("X-GitHub-SSO").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePullRequest_FineGrainedWithoutPullRequestsWrite_Answers403WithAcceptedPermissions()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "read" }).Value;

        var (response, body) = await SendAsync(http, HttpMethod.Post, $"repos/alice/{repository.Name}/pulls", token, new { title = "t", head = "x", @base = "main" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Resource not accessible by personal access token", body!["message"]!.GetValue<string>());
        Assert.Equal("pull_requests=write", response.Headers.GetValues("X-Accepted-GitHub-Permissions").Single());
    }

    [Fact]
    public async Task Recorder_SecondReadOnlyRun_RecordsNoPatch()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;

        await SendAsync(http, HttpMethod.Get, $"repos/alice/{repository.Name}/pulls?head=alice:flux-image-updates", token);

        var recorded = GitHub.Recorder.Exchanges.Where(e => e.Path == $"/repos/alice/{repository.Name}/pulls").ToList();
        Assert.Equal("/repos/{owner}/{repo}/pulls", recorded.Single().RouteTemplate);
        Assert.DoesNotContain(GitHub.Recorder.Exchanges, e => e.Method == "PATCH" && e.Path.Contains(repository.Name, StringComparison.Ordinal));
    }

    public void Dispose() => http.Dispose();
}

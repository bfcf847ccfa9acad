using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tidemark.Forges;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.Testing.GitHub;
using static Tidemark.IntegrationTests.GitHub.RestCalls;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>The pull request verbs of the GitHub forge against the simulator: converge, and write only what differs.</summary>
public sealed class GitHubForgePullRequestTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Branch = "tidemark/update";

    private static readonly string[] Writes = ["POST", "PATCH", "PUT", "DELETE"];

    private GitHubSimulator GitHub => fixture.GitHub;

    private static PullRequestSpec Spec(string body = "Updates nginx to 1.26.0", IReadOnlyList<string>? labels = null, IReadOnlyList<string>? reviewers = null) =>
        new(Branch, "main", "Update container images", body, labels ?? [], reviewers ?? [], []);

    private async Task<(SimRepository Repository, string Token)> RepositoryWithUpdateBranchAsync()
    {
        var repository = await fixture.NewRepositoryAsync();
        await GitHub.CommitAsync(repository, Branch, new Dictionary<string, string> { ["deploy/app.yaml"] = "image: nginx:1.26.0\n" });
        return (repository, GitHub.IssueClassicToken("alice", ["repo"]).Value);
    }

    private IReadOnlyList<RecordedExchange> WritesTo(SimRepository repository) =>
        [.. GitHub.Recorder.Exchanges.Where(e => Writes.Contains(e.Method) && e.Path.StartsWith($"/repos/{repository.FullName}/", StringComparison.Ordinal))];

    [Fact]
    public async Task Ensure_NoPullRequestYet_CreatesOneThatIsFoundByOwnerAndBranch()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var outcome = await forge.EnsurePullRequestAsync(Spec(), CancellationToken.None);
        var found = await forge.FindOpenPullRequestAsync(Branch, "main", CancellationToken.None);

        Assert.Equal(EnsureAction.Created, outcome.Action);
        Assert.NotNull(found);
        Assert.Equal(outcome.PullRequest!.Number, found.Number);
        Assert.Equal(("open", Branch, "main", "Updates nginx to 1.26.0"), (found.State, found.HeadRef, found.BaseRef, found.Body));
        var lists = GitHub.Recorder.Find("GET", "/repos/{owner}/{repo}/pulls").Where(e => e.Path.Contains(repository.Name, StringComparison.Ordinal));
        Assert.All(lists, e => Assert.Contains("head=alice%3Atidemark%2Fupdate", e.Query, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task FindOpen_GitHubReturnsForeignHeads_KeepsOnlyThisRepositorysBranch()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using (var creator = ForgeFactory.For(GitHub, repository, token))
        {
            await creator.EnsurePullRequestAsync(Spec(), CancellationToken.None);
        }

        // GitHub ignores a head filter it cannot use, and a fork may hold a branch of the same name
        using var handler = new RewritingHandler(async (request, response, _) =>
            request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/pulls", StringComparison.Ordinal)
                ? await AddForeignPullsAsync(response)
                : response);
        using var forge = ForgeFactory.For(GitHub, repository, token, handler);

        var found = await forge.FindOpenPullRequestAsync(Branch, "main", CancellationToken.None);
        var all = await forge.FindPullRequestsAsync(Branch, PullRequestStateFilter.All, CancellationToken.None);

        Assert.Equal(1, found?.Number);
        Assert.Equal([1], all.Select(p => p.Number));
    }

    private static async Task<HttpResponseMessage> AddForeignPullsAsync(HttpResponseMessage response)
    {
        var pulls = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var original = pulls[0]!;
        var fromFork = original.DeepClone();
        fromFork["number"] = 98;
        fromFork["head"]!["repo"]!["full_name"] = "mallory/" + original["head"]!["repo"]!["name"]!.GetValue<string>();
        var otherBranch = original.DeepClone();
        otherBranch["number"] = 99;
        otherBranch["head"]!["ref"] = "feature/other";
        pulls.Add(fromFork);
        pulls.Add(otherBranch);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(pulls.ToJsonString(), Encoding.UTF8, "application/json"),
            RequestMessage = response.RequestMessage,
        };
    }

    [Fact]
    public async Task Ensure_SameSpecTwice_SecondIsUnchangedAndWritesNothing()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);
        var spec = Spec(labels: ["dependencies"], reviewers: ["bob"]);
        await forge.EnsurePullRequestAsync(spec, CancellationToken.None);
        var writesBefore = WritesTo(repository).Count;
        var countBefore = forge.WriteCount;

        var second = await forge.EnsurePullRequestAsync(spec, CancellationToken.None);

        Assert.Equal(EnsureAction.Unchanged, second.Action);
        Assert.Empty(second.Changed);
        Assert.Equal(writesBefore, WritesTo(repository).Count);
        Assert.Equal(countBefore, forge.WriteCount);
        Assert.Equal(["dependencies"], second.PullRequest!.Labels);
        Assert.Equal(["bob"], second.PullRequest.RequestedReviewers);
    }

    [Fact]
    public async Task Ensure_BodyChanged_UpdatedWithOnePatchOfTheBodyOnly()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);
        var first = await forge.EnsurePullRequestAsync(Spec(), CancellationToken.None);
        var before = WritesTo(repository).Count;

        var second = await forge.EnsurePullRequestAsync(Spec(body: "Updates nginx to 1.27.0"), CancellationToken.None);

        var writes = WritesTo(repository).Skip(before).ToList();
        Assert.Equal(EnsureAction.Updated, second.Action);
        Assert.Equal(["body"], second.Changed);
        var patch = Assert.Single(writes);
        Assert.Equal(("PATCH", $"/repos/{repository.FullName}/pulls/{first.PullRequest!.Number}"), (patch.Method, patch.Path));
        var sent = JsonNode.Parse(patch.RequestBody)!.AsObject();
        Assert.Equal("Updates nginx to 1.27.0", sent["body"]!.GetValue<string>());
        Assert.False(sent.ContainsKey("title") && sent["title"] is not null, patch.RequestBody);
        Assert.Equal("Updates nginx to 1.27.0", second.PullRequest!.Body);
    }

    [Fact]
    public async Task Ensure_LabelsPartlyPresent_AddsOnlyTheMissingOnes()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);
        var first = await forge.EnsurePullRequestAsync(Spec(labels: ["dependencies"]), CancellationToken.None);
        // a person adds a label of their own; it must stay (no request is in flight, so no lock is needed)
        GitHub.State.FindRepository("alice", repository.Name)!.PullRequests.Single().Labels.Add("hold");

        var before = WritesTo(repository).Count;
        var second = await forge.EnsurePullRequestAsync(Spec(labels: ["Dependencies", "automerge"]), CancellationToken.None);

        var post = Assert.Single(WritesTo(repository).Skip(before));
        Assert.Equal(("POST", $"/repos/{repository.FullName}/issues/{first.PullRequest!.Number}/labels"), (post.Method, post.Path));
        Assert.Equal(["automerge"], JsonNode.Parse(post.RequestBody)!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["labels"], second.Changed);
        Assert.Equal(["dependencies", "hold", "automerge"], second.PullRequest!.Labels);
    }

    [Fact]
    public async Task Ensure_Reviewers_RequestedOnceAndNeverAgain()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var first = await forge.EnsurePullRequestAsync(Spec(reviewers: ["bob", "alice"]), CancellationToken.None);
        var second = await forge.EnsurePullRequestAsync(Spec(reviewers: ["bob", "alice"]), CancellationToken.None);

        var requests = GitHub.Recorder.Find("POST", "/repos/{owner}/{repo}/pulls/{number:int}/requested_reviewers")
            .Where(e => e.Path.StartsWith($"/repos/{repository.FullName}/", StringComparison.Ordinal)).ToList();
        var request = Assert.Single(requests);
        // alice opened the pull request: GitHub refuses to ask the author for a review
        Assert.Equal(["bob"], JsonNode.Parse(request.RequestBody)!["reviewers"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("reviewers", first.Changed);
        Assert.Equal(EnsureAction.Unchanged, second.Action);
    }

    [Fact]
    public async Task Ensure_CreatedConcurrently_FindsTheExistingOneAndUpdatesIt()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using (var other = ForgeFactory.For(GitHub, repository, token))
        {
            await other.EnsurePullRequestAsync(Spec(body: "written by another run"), CancellationToken.None);
        }

        // the first list answers "none yet", as if the other run created it just after
        using var handler = new RewritingHandler((request, response, n) => Task.FromResult(
            n == 1 && request.Method == HttpMethod.Get
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]", Encoding.UTF8, "application/json"), RequestMessage = request }
                : response));
        using var forge = ForgeFactory.For(GitHub, repository, token, handler);

        var outcome = await forge.EnsurePullRequestAsync(Spec(), CancellationToken.None);

        Assert.Contains((HttpMethod.Post, $"/repos/{repository.FullName}/pulls", HttpStatusCode.UnprocessableEntity), handler.Seen);
        Assert.Equal(EnsureAction.Updated, outcome.Action);
        Assert.Equal(["body"], outcome.Changed);
        Assert.Single(GitHub.State.FindRepository("alice", repository.Name)!.PullRequests);
        Assert.Equal("Updates nginx to 1.26.0", GitHub.State.FindRepository("alice", repository.Name)!.PullRequests.Single().Body);
    }

    [Fact]
    public async Task Ensure_BranchEqualsBase_NothingToProposeAndNoPullRequest()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]).Value;
        using var http = new HttpClient { BaseAddress = GitHub.ApiUri };
        var (_, main) = await SendAsync(http, HttpMethod.Get, $"repos/{repository.FullName}/git/ref/heads/main", token);
        await SendAsync(http, HttpMethod.Post, $"repos/{repository.FullName}/git/refs", token, new { @ref = "refs/heads/" + Branch, sha = main!["object"]!["sha"]!.GetValue<string>() });
        using var forge = ForgeFactory.For(GitHub, repository, token);

        var outcome = await forge.EnsurePullRequestAsync(Spec(), CancellationToken.None);

        Assert.Equal(EnsureAction.NothingToPropose, outcome.Action);
        Assert.Null(outcome.PullRequest);
        Assert.Empty(GitHub.State.FindRepository("alice", repository.Name)!.PullRequests);
    }

    [Fact]
    public async Task Close_WithComment_CommentsThenClosesAndASecondCloseWritesNothing()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);
        var number = (await forge.EnsurePullRequestAsync(Spec(), CancellationToken.None)).PullRequest!.Number;
        var before = WritesTo(repository).Count;

        await forge.ClosePullRequestAsync(number, "Superseded: nothing left to update.", CancellationToken.None);
        var afterFirst = WritesTo(repository).Count;
        await forge.ClosePullRequestAsync(number, "Superseded: nothing left to update.", CancellationToken.None);

        var writes = WritesTo(repository).Skip(before).Select(e => (e.Method, e.RouteTemplate)).ToList();
        Assert.Equal([("POST", "/repos/{owner}/{repo}/issues/{number:int}/comments"), ("PATCH", "/repos/{owner}/{repo}/pulls/{number:int}")], writes);
        Assert.Equal(afterFirst, WritesTo(repository).Count);
        var pull = GitHub.State.FindRepository("alice", repository.Name)!.PullRequests.Single();
        Assert.Equal("closed", pull.State);
        Assert.Equal("Superseded: nothing left to update.", Assert.Single(pull.Comments).Body);
        var closed = await forge.FindPullRequestsAsync(Branch, PullRequestStateFilter.Closed, CancellationToken.None);
        Assert.Equal([(number, "closed", false)], closed.Select(p => (p.Number, p.State, p.Merged)));
        Assert.Null(await forge.FindOpenPullRequestAsync(Branch, "main", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteBranch_Twice_SecondIsANoOp()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using var forge = ForgeFactory.For(GitHub, repository, token);

        await forge.DeleteBranchAsync(Branch, CancellationToken.None);
        await forge.DeleteBranchAsync(Branch, CancellationToken.None);

        var deletes = GitHub.Recorder.Find("DELETE", "/repos/{owner}/{repo}/git/refs/{**ref}")
            .Where(e => e.Path.StartsWith($"/repos/{repository.FullName}/", StringComparison.Ordinal)).ToList();
        Assert.Equal([204, 422], deletes.Select(d => d.Status));
        Assert.Equal($"/repos/{repository.FullName}/git/refs/heads/{Branch}", deletes[0].Path);
    }
    [Theory]
    [InlineData("[]", true)]
    [InlineData("""[{"id":1,"user":{"login":"bob","id":2},"state":"APPROVED","body":"","commit_id":"0000000000000000000000000000000000000001"}]""", false)]
    public async Task Ensure_ReviewerAddedLater_RequestedUnlessTheyAlreadyReviewed(string reviews, bool requested)
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        using (var creator = ForgeFactory.For(GitHub, repository, token))
        {
            await creator.EnsurePullRequestAsync(Spec(), CancellationToken.None);
        }

        // the simulator keeps no reviews: their list is answered here, as GitHub would after a review
        using var handler = new RewritingHandler((request, response, _) => Task.FromResult(
            request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/reviews", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(reviews, Encoding.UTF8, "application/json"), RequestMessage = request }
                : response));
        using var forge = ForgeFactory.For(GitHub, repository, token, handler);

        var outcome = await forge.EnsurePullRequestAsync(Spec(reviewers: ["bob"]), CancellationToken.None);

        Assert.Equal(requested, handler.Seen.Any(s => s.Method == HttpMethod.Post && s.Path.EndsWith("/requested_reviewers", StringComparison.Ordinal)));
        Assert.Equal(requested ? EnsureAction.Updated : EnsureAction.Unchanged, outcome.Action);
    }

    [Fact]
    public async Task Ensure_Assignees_AddsOnlyThoseNotAssigned()
    {
        var (repository, token) = await RepositoryWithUpdateBranchAsync();
        var sent = new List<string>();
        // the simulator has no assignees endpoint: the request is captured and answered here
        using var handler = new RewritingHandler(async (request, response, _) =>
        {
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/assignees", StringComparison.Ordinal))
            {
                return response;
            }

            sent.Add(await request.Content!.ReadAsStringAsync());
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{}", Encoding.UTF8, "application/json"), RequestMessage = request };
        });
        using var forge = ForgeFactory.For(GitHub, repository, token, handler);

        var outcome = await forge.EnsurePullRequestAsync(Spec() with { Assignees = ["alice", "bob", "ALICE"] }, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(sent))!;
        Assert.Equal(["alice", "bob"], body["assignees"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains("assignees", outcome.Changed);
    }
}

using Microsoft.Extensions.Time.Testing;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.State;

/// <summary>
/// What every state store must do (STYLE.md §13). A backend passes by subclassing and opening stores that
/// share one database per test instance.
/// </summary>
public abstract class StateStoreContract
{
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private protected Redactor Redactor { get; } = new();

    /// <summary>Opens a store on this test's database; calling twice gives two independent clients of the same data.</summary>
    private protected abstract Task<StateStore> OpenStoreAsync();

    [Fact]
    public async Task EndRun_AfterStart_StoresOutcomeCountsAndTimes()
    {
        var store = await OpenStoreAsync();
        var started = Time.GetUtcNow();

        var id = await store.RunWriter.StartRunAsync(new RunStart("acme/gitops", "schedule"), default);
        Time.Advance(TimeSpan.FromSeconds(42));
        await store.RunWriter.EndRunAsync(id, new RunEnd("pull-request-updated", 12, 3, 1), default);

        var run = await store.RunReader.GetRunAsync(id, default);
        Assert.Equal(new RunRecord(id, "acme/gitops", "schedule", started, started.AddSeconds(42), "pull-request-updated", 12, 3, 1), run);
    }

    [Fact]
    public async Task ListRuns_SeveralRepositories_NewestFirstForOneRepository()
    {
        var store = await OpenStoreAsync();
        var first = await store.RunWriter.StartRunAsync(new RunStart("acme/gitops", "schedule"), default);
        await store.RunWriter.StartRunAsync(new RunStart("acme/other", "webhook"), default);
        var second = await store.RunWriter.StartRunAsync(new RunStart("acme/gitops", "manual"), default);

        var runs = await store.RunReader.ListRunsAsync("acme/gitops", 10, default);

        Assert.Equal([second, first], runs.Select(r => r.Id));
        Assert.Null(runs[0].EndedAt);
    }

    [Fact]
    public async Task RecordDecisions_ForRun_ListsThemInOrder()
    {
        var store = await OpenStoreAsync();
        var id = await store.RunWriter.StartRunAsync(new RunStart("acme/gitops", "schedule"), default);
        DecisionRecord[] decisions =
        [
            new("ghcr.io/stefanprodan/podinfo", "6.5.0", "6.6.0", "semver ^6", "newer tag in range"),
            new("docker.io/library/nginx", "1.27.0", null, "semver ~1.27", "no newer tag"),
        ];

        await store.RunWriter.RecordDecisionsAsync(id, decisions, default);

        Assert.Equal(decisions, await store.RunReader.ListDecisionsAsync(id, default));
    }

    [Fact]
    public async Task SavePullRequest_Twice_SecondReplacesFirst()
    {
        var store = await OpenStoreAsync();
        var open = new ManagedPullRequest("acme/gitops", "flux-image-updates", 7, "https://github.com/acme/gitops/pull/7", PullRequestState.Open,
            new Dictionary<string, string> { ["ghcr.io/stefanprodan/podinfo"] = "6.6.0" }, false, "0123456789abcdef0123456789abcdef01234567");
        await store.PullRequestWriter.SavePullRequestAsync(open, default);
        Time.Advance(TimeSpan.FromMinutes(5));

        await store.PullRequestWriter.SavePullRequestAsync(open with { State = PullRequestState.Closed, ClosedByPersonWithoutMerge = true }, default);

        var found = await store.PullRequestReader.FindPullRequestAsync("acme/gitops", "flux-image-updates", default);
        Assert.NotNull(found);
        Assert.Equal(PullRequestState.Closed, found.State);
        Assert.True(found.ClosedByPersonWithoutMerge);
        Assert.Equal(open.Targets, found.Targets);
        Assert.Equal(open.LastPushedSha, found.LastPushedSha);
        Assert.Equal(Time.GetUtcNow(), found.UpdatedAt);
        Assert.Single(await store.PullRequestReader.ListPullRequestsAsync("acme/gitops", default));
    }

    [Fact]
    public async Task FindPullRequest_Unknown_ReturnsNull()
    {
        var store = await OpenStoreAsync();

        Assert.Null(await store.PullRequestReader.FindPullRequestAsync("acme/gitops", "flux-image-updates", default));
    }

    [Fact]
    public async Task TryGetTags_WithinMaxAge_ReturnsCachedListing()
    {
        var store = await OpenStoreAsync();
        var key = new TagCacheKey("ghcr.io", "stefanprodan/podinfo");
        await store.TagCacheWriter.StoreTagsAsync(key, ["6.5.0", "6.6.0"], default);
        Time.Advance(TimeSpan.FromMinutes(4));

        var cached = await store.TagCacheReader.TryGetTagsAsync(new TagCacheQuery(key, TimeSpan.FromMinutes(5)), default);

        Assert.Equal(["6.5.0", "6.6.0"], cached!.Tags);
        Assert.Equal(Time.GetUtcNow().AddMinutes(-4), cached.FetchedAt);
    }

    [Fact]
    public async Task TryGetTags_OlderThanMaxAge_ReturnsNull()
    {
        var store = await OpenStoreAsync();
        var key = new TagCacheKey("ghcr.io", "stefanprodan/podinfo");
        await store.TagCacheWriter.StoreTagsAsync(key, ["6.5.0"], default);
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await store.TagCacheReader.TryGetTagsAsync(new TagCacheQuery(key, TimeSpan.FromMinutes(5)), default));
    }

    [Fact]
    public async Task TryGetTags_Refresh_BypassesFreshEntry()
    {
        var store = await OpenStoreAsync();
        var key = new TagCacheKey("ghcr.io", "stefanprodan/podinfo");
        await store.TagCacheWriter.StoreTagsAsync(key, ["6.5.0"], default);

        Assert.Null(await store.TagCacheReader.TryGetTagsAsync(new TagCacheQuery(key, TimeSpan.FromHours(1), Refresh: true), default));
    }

    [Fact]
    public async Task TryAcquire_HeldByOther_ReturnsNullUntilLeaseExpires()
    {
        var store = await OpenStoreAsync();
        var held = await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);

        var blocked = await store.Locks.TryAcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), default);
        Time.Advance(TimeSpan.FromMinutes(10));
        var afterCrash = await store.Locks.TryAcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), default);

        Assert.NotNull(held);
        Assert.Null(blocked);
        Assert.Equal("run-b", afterCrash!.Owner);
    }

    [Fact]
    public async Task TryAcquire_HolderProcessOnThisHostIsDead_TakesTheLeaseOverAtOnce()
    {
        var store = await OpenStoreAsync();
        var dead = await DeadProcessOwnerAsync();
        await store.Locks.TryAcquireAsync("acme/gitops", dead, TimeSpan.FromMinutes(15), default);

        var rerun = await store.Locks.TryAcquireAsync("acme/gitops", LeaseOwner.For("run"), TimeSpan.FromMinutes(15), default);

        Assert.NotNull(rerun);
        Assert.True(LeaseOwner.IsProvablyDead(dead));
    }

    [Theory]
    [InlineData("this process")]
    [InlineData("another host")]
    [InlineData("no identity")]
    public async Task TryAcquire_HolderNotProvablyDead_IsWaitedFor(string holder)
    {
        var store = await OpenStoreAsync();
        var owner = holder switch
        {
            "this process" => LeaseOwner.For("run"),
            "another host" => (await DeadProcessOwnerAsync()).Replace($" host {Environment.MachineName} ", " host elsewhere-7 ", StringComparison.Ordinal),
            _ => "run-a",
        };
        await store.Locks.TryAcquireAsync("acme/gitops", owner, TimeSpan.FromMinutes(15), default);

        Assert.Null(await store.Locks.TryAcquireAsync("acme/gitops", LeaseOwner.For("run"), TimeSpan.FromMinutes(15), default));
        Assert.False(LeaseOwner.IsProvablyDead(owner));
    }

    /// <summary>The lease owner a run of a process that was killed (SIGKILL) left behind.</summary>
    private static async Task<string> DeadProcessOwnerAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var started = process.StartTime.ToUniversalTime().Ticks;
        process.Kill();
        await process.WaitForExitAsync();
        return $"tidemark run host {Environment.MachineName} pid {process.Id} started {started} 0123456789abcdef";
    }

    [Fact]
    public async Task Acquire_HeldAndNoWait_ThrowsNamingHolder()
    {
        var store = await OpenStoreAsync();
        await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);

        var error = await Assert.ThrowsAsync<RepositoryLockedException>(() =>
            store.Locks.AcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), TimeSpan.Zero, default));

        Assert.Equal("run-a", error.Holder);
        Assert.Contains("run-a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_Waiting_GetsLockOnceHolderReleases()
    {
        var first = await OpenStoreAsync();
        var second = await OpenStoreAsync();
        var lease = await first.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);
        var waiting = second.Locks.AcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), default);
        await Task.Delay(50);

        await first.Locks.ReleaseAsync(lease!, default);
        for (var i = 0; i < 200 && !waiting.IsCompleted; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal("run-b", (await waiting).Owner);
    }

    [Fact]
    public async Task TryAcquire_SameOwnerWhileHeld_IsRefusedAndDoesNotExtendTheLease()
    {
        var store = await OpenStoreAsync();
        var held = await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);
        Time.Advance(TimeSpan.FromMinutes(1));

        var again = await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);
        var other = await store.Locks.TryAcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), default);

        Assert.NotNull(held);
        Assert.Null(again);
        Assert.Null(other);
        Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("run-b", (await store.Locks.TryAcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), default))!.Owner);
    }

    [Fact]
    public async Task Acquire_SameOwnerWhileHeld_WaitsAndThrowsNamingItself()
    {
        var store = await OpenStoreAsync();
        await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);

        var error = await Assert.ThrowsAsync<RepositoryLockedException>(() =>
            store.Locks.AcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), TimeSpan.Zero, default));

        Assert.Equal("run-a", error.Holder);
    }

    [Fact]
    public async Task Release_OnceAfterRefusedReentry_FreesTheLease()
    {
        var store = await OpenStoreAsync();
        var lease = await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);
        Assert.Null(await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default));

        await store.Locks.ReleaseAsync(lease!, default);

        Assert.NotNull(await store.Locks.TryAcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), default));
    }

    [Fact]
    public async Task TryAcquire_ManyConcurrentAcquirers_ExactlyOneWins()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => OpenStoreAsync()));

        var attempts = Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => stores[i % 2].Locks.TryAcquireAsync("acme/gitops", $"run-{i}", TimeSpan.FromMinutes(10), default)));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Release_ThenAcquireByOther_Succeeds()
    {
        var store = await OpenStoreAsync();
        var lease = await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);

        await store.Locks.ReleaseAsync(lease!, default);

        Assert.NotNull(await store.Locks.TryAcquireAsync("acme/gitops", "run-b", TimeSpan.FromMinutes(10), default));
    }

    [Fact]
    public async Task QueryAudit_ByActionOutcomeAndSince_FiltersNewestFirst()
    {
        var store = await OpenStoreAsync();
        await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitPush, "acme/gitops", AuditOutcomes.Ok, "sha256:1a2b3c4d", "first"), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var since = Time.GetUtcNow();
        await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitPush, "acme/gitops", AuditOutcomes.Denied, "sha256:1a2b3c4d", "second"), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.PullRequestCreate, "acme/gitops#7", AuditOutcomes.Ok, null, "third"), default);

        var pushes = await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.GitPush), default);
        var recent = await store.AuditReader.QueryAsync(new AuditQuery(Since: since), default);
        var ok = await store.AuditReader.QueryAsync(new AuditQuery(Outcome: AuditOutcomes.Ok), default);

        Assert.Equal(["second", "first"], pushes.Select(e => e.Detail));
        Assert.Equal(["third", "second"], recent.Select(e => e.Detail));
        Assert.Equal(["third", "first"], ok.Select(e => e.Detail));
        Assert.Equal(since, recent[1].At);
        Assert.Equal("sha256:1a2b3c4d", recent[1].TokenFingerprint);
    }

    [Fact]
    public async Task QueryAudit_WithOffset_PagesNewestFirstWithinTheFilters()
    {
        var store = await OpenStoreAsync();
        for (var i = 1; i <= 5; i++)
        {
            await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitPush, "acme/gitops", AuditOutcomes.Ok, null, $"push {i}"), default);
            await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitFetch, "acme/gitops", AuditOutcomes.Ok, null, $"fetch {i}"), default);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.GitPush, Limit: 2), default);
        var second = await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.GitPush, Limit: 2, Offset: 2), default);
        var last = await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.GitPush, Limit: 2, Offset: 4), default);
        var beyond = await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.GitPush, Limit: 2, Offset: 5), default);

        Assert.Equal(["push 5", "push 4"], first.Select(e => e.Detail));
        Assert.Equal(["push 3", "push 2"], second.Select(e => e.Detail));
        Assert.Equal(["push 1"], last.Select(e => e.Detail));
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task QueryAudit_ByActionPrefix_MatchesActionsStartingWithItLiterally()
    {
        var store = await OpenStoreAsync();
        // pr_x.odd and prx.create are no action of this version: a store may hold them from another one
        foreach (var action in new[] { "pr.create", "git.push", "pr.comment", "pr_x.odd", "prx.create" }.Select(AuditAction.FromStored))
        {
            await store.AuditWriter.AppendAsync(new AuditEvent(action, "acme/gitops", AuditOutcomes.Ok, null, action.Name), default);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var pulls = await store.AuditReader.QueryAsync(new AuditQuery(ActionPrefix: "pr."), default);
        var underscore = await store.AuditReader.QueryAsync(new AuditQuery(ActionPrefix: "pr_"), default);

        Assert.Equal(["pr.comment", "pr.create"], pulls.Select(e => e.Action.Name));
        Assert.Equal(["pr_x.odd"], underscore.Select(e => e.Action.Name));
    }

    [Fact]
    public async Task RecordTokenUse_TwoRuns_KeepsFirstUseAndExpirySumsActionsAndUpdatesRole()
    {
        var store = await OpenStoreAsync();
        var first = Time.GetUtcNow();
        var expiry = first.AddDays(30);
        await store.TokenWriter.RecordUseAsync(new TokenUse("fine-grained …a1b2 #3f9c1e", "fine-grained", "GITHUB_TOKEN", "current", "acme/gitops", expiry,
            new Dictionary<string, int> { ["git.fetch"] = 1, ["git.push"] = 1 }), default);
        Time.Advance(TimeSpan.FromHours(3));
        await store.TokenWriter.RecordUseAsync(new TokenUse("fine-grained …a1b2 #3f9c1e", "fine-grained", "NEXT", "next", "acme/gitops", null,
            new Dictionary<string, int> { ["git.fetch"] = 1, ["pr.comment"] = 1 }), default);

        var token = Assert.Single(await store.TokenReader.ListTokensAsync(default));
        Assert.Equal(("next", "NEXT", expiry, first, first.AddHours(3)), (token.Role, token.Source, token.ExpiresAt, token.FirstUsedAt, token.LastUsedAt));
        Assert.Equal(new Dictionary<string, int> { ["git.fetch"] = 2, ["git.push"] = 1, ["pr.comment"] = 1 }, token.Actions);
        Assert.Equal(token, await store.TokenReader.FindTokenAsync("fine-grained …a1b2 #3f9c1e", default), new TokenRecordComparer());
        Assert.Null(await store.TokenReader.FindTokenAsync("classic …zzzz #000000", default));
    }

    [Fact]
    public async Task RecordNextWorked_SeveralRuns_RemembersWhenItFirstWorked()
    {
        var store = await OpenStoreAsync();
        var since = await store.TokenWriter.RecordNextWorkedAsync("next #2", "current #1", TimeSpan.FromHours(24), default);
        Time.Advance(TimeSpan.FromHours(5));

        var again = await store.TokenWriter.RecordNextWorkedAsync("next #2", "current #1", TimeSpan.FromHours(36), default);

        Assert.Equal(since, again);
        var rotation = Assert.Single(await store.TokenReader.ListRotationsAsync(default));
        Assert.Equal(new TokenRotationRecord("next #2", "current #1", since, TimeSpan.FromHours(36), since.AddHours(5)), rotation);
    }

    [Fact]
    public async Task RecordNextRefused_AfterItWorked_EndsTheRotationUntilItWorksAgain()
    {
        var store = await OpenStoreAsync();
        await store.TokenWriter.RecordNextWorkedAsync("next #2", "current #1", TimeSpan.FromHours(24), default);
        Time.Advance(TimeSpan.FromHours(2));

        await store.TokenWriter.RecordNextRefusedAsync("next #2", "current #1", "push to flux-image-updates (no write access)", default);
        var refused = (await store.TokenReader.ListRotationsAsync(default), await store.TokenReader.ListRefusalsAsync(default));
        Time.Advance(TimeSpan.FromHours(1));
        var since = await store.TokenWriter.RecordNextWorkedAsync("next #2", "current #1", TimeSpan.FromHours(24), default);

        Assert.Empty(refused.Item1);
        Assert.Equal(new TokenRefusalRecord("next #2", "current #1", "push to flux-image-updates (no write access)", Time.GetUtcNow().AddHours(-1)), Assert.Single(refused.Item2));
        Assert.Empty(await store.TokenReader.ListRefusalsAsync(default));
        Assert.Equal(Time.GetUtcNow(), since);
    }

    [Fact]
    public async Task TryRecordExpiryComment_SameThresholdTwice_OnlyTheFirstCounts()
    {
        var store = await OpenStoreAsync();

        var first = await store.TokenWriter.TryRecordExpiryCommentAsync("classic …c0de #111111", 7, "acme/gitops#4", default);
        var second = await store.TokenWriter.TryRecordExpiryCommentAsync("classic …c0de #111111", 7, "acme/gitops#4", default);

        Assert.True(first);
        Assert.False(second);
        Assert.True(await store.TokenReader.ExpiryCommentedAsync("classic …c0de #111111", 7, default));
        Assert.False(await store.TokenReader.ExpiryCommentedAsync("classic …c0de #111111", 1, default));
    }

    [Fact]
    public async Task StartRun_WithRunId_IsReadBack()
    {
        var store = await OpenStoreAsync();

        var id = await store.RunWriter.StartRunAsync(new RunStart("acme/gitops", "schedule", "20250301T120000Z-1a2b3c"), default);

        Assert.Equal("20250301T120000Z-1a2b3c", (await store.RunReader.GetRunAsync(id, default))!.RunId);
    }

    [Fact]
    public async Task RecordPushedCommit_KeyedByRepositoryAndBranch_ListsThatBranchNewestFirstAndEachShaOnce()
    {
        var store = await OpenStoreAsync();
        var first = Time.GetUtcNow();
        await store.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit("acme/gitops", "flux-image-updates", "1111111111111111111111111111111111111111", "run-1"), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit("acme/gitops", "flux-image-updates", "2222222222222222222222222222222222222222", "run-2"), default);
        await store.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit("acme/gitops", "flux-image-updates", "1111111111111111111111111111111111111111", "run-3"), default);
        await store.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit("acme/other", "flux-image-updates", "3333333333333333333333333333333333333333", "run-2"), default);
        await store.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit("acme/gitops", "staging-updates", "4444444444444444444444444444444444444444", null), default);

        var pushed = await store.PushedCommitReader.ListPushedCommitsAsync("acme/gitops", "flux-image-updates", default);

        Assert.Equal(
            [
                new PushedCommit("acme/gitops", "flux-image-updates", "2222222222222222222222222222222222222222", "run-2") { At = first.AddMinutes(1) },
                new PushedCommit("acme/gitops", "flux-image-updates", "1111111111111111111111111111111111111111", "run-1") { At = first },
            ], pushed);
        Assert.Equal(["3333333333333333333333333333333333333333"], (await store.PushedCommitReader.ListPushedCommitsAsync("acme/other", "flux-image-updates", default)).Select(p => p.Sha));
        Assert.Null(Assert.Single(await store.PushedCommitReader.ListPushedCommitsAsync("acme/gitops", "staging-updates", default)).RunId);
        Assert.Empty(await store.PushedCommitReader.ListPushedCommitsAsync("acme/unknown", "flux-image-updates", default));
    }

    [Fact]
    public async Task TryRecordClosure_FirstWordStaysAndRepositoriesAreApart()
    {
        var store = await OpenStoreAsync();
        var at = Time.GetUtcNow();

        var tidemark = await store.ClosureWriter.TryRecordClosureAsync(new PullRequestClosure("acme/gitops", "flux-image-updates", 7, ClosedBy.Tidemark, "stale"), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var person = await store.ClosureWriter.TryRecordClosureAsync(new PullRequestClosure("acme/gitops", "flux-image-updates", 7, ClosedBy.Person, "closed without merging"), default);
        var other = await store.ClosureWriter.TryRecordClosureAsync(new PullRequestClosure("acme/other", "flux-image-updates", 7, ClosedBy.Person, "closed without merging"), default);
        await store.ClosureWriter.TryRecordClosureAsync(new PullRequestClosure("acme/gitops", "staging-updates", 9, ClosedBy.Merge, "merged"), default);

        Assert.Equal((true, false, true), (tidemark, person, other));
        Assert.Equal(new PullRequestClosure("acme/gitops", "flux-image-updates", 7, ClosedBy.Tidemark, "stale") { At = at }, await store.ClosureReader.FindClosureAsync("acme/gitops", 7, default));
        Assert.Equal(ClosedBy.Person, (await store.ClosureReader.FindClosureAsync("acme/other", 7, default))!.ClosedBy);
        Assert.Null(await store.ClosureReader.FindClosureAsync("acme/gitops", 8, default));
        Assert.Equal([7], (await store.ClosureReader.ListClosuresAsync("acme/gitops", "flux-image-updates", default)).Select(c => c.Number));
        Assert.Equal([ClosedBy.Merge], (await store.ClosureReader.ListClosuresAsync("acme/gitops", "staging-updates", default)).Select(c => c.ClosedBy));
    }

    [Fact]
    public async Task TryRecordAnnouncement_OncePerRepositoryBranchKindAndKey()
    {
        var store = await OpenStoreAsync();

        var first = await store.AnnouncementWriter.TryRecordAnnouncementAsync(new Announcement("acme/gitops", "flux-image-updates", AnnouncementKind.Pause, "7"), default);
        var again = await store.AnnouncementWriter.TryRecordAnnouncementAsync(new Announcement("acme/gitops", "flux-image-updates", AnnouncementKind.Pause, "7"), default);

        Assert.Equal((true, false), (first, again));
        Assert.True(await store.AnnouncementReader.WasAnnouncedAsync("acme/gitops", "flux-image-updates", AnnouncementKind.Pause, "7", default));
        Assert.False(await store.AnnouncementReader.WasAnnouncedAsync("acme/gitops", "flux-image-updates", AnnouncementKind.Pause, "8", default));
        Assert.False(await store.AnnouncementReader.WasAnnouncedAsync("acme/gitops", "staging-updates", AnnouncementKind.Pause, "7", default));
        Assert.False(await store.AnnouncementReader.WasAnnouncedAsync("acme/other", "flux-image-updates", AnnouncementKind.Pause, "7", default));
    }

    [Fact]
    public async Task QueryAudit_ByRepositoryAndRun_MatchesTheRepositoryItsBranchesAndPullRequestsOnly()
    {
        var store = await OpenStoreAsync();
        foreach (var (target, runId) in new[] { ("acme/gitops", "run-1"), ("acme/gitops@flux-image-updates", "run-1"), ("acme/gitops#7", "run-2"),
            ("acme/gitops-two", "run-1"), ("acme/gitops-two#7", "run-2"), ("ghcr.io/acme/gitops", "run-1") })
        {
            await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitFetch, target, AuditOutcomes.Ok, null, target, runId), default);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var repository = await store.AuditReader.QueryAsync(new AuditQuery(Repository: "acme/gitops"), default);
        var run = await store.AuditReader.QueryAsync(new AuditQuery(RunId: "run-2"), default);
        var both = await store.AuditReader.QueryAsync(new AuditQuery(Repository: "acme/gitops", RunId: "run-1"), default);

        Assert.Equal(["acme/gitops#7", "acme/gitops@flux-image-updates", "acme/gitops"], repository.Select(e => e.Target));
        Assert.Equal(["acme/gitops-two#7", "acme/gitops#7"], run.Select(e => e.Target));
        Assert.Equal(["acme/gitops@flux-image-updates", "acme/gitops"], both.Select(e => e.Target));
        Assert.Equal("run-1", both[0].RunId);
    }

    [Fact]
    public async Task CountRun_InterleavedRunsAndTokens_CountsOnlyThatRunsEventsWithThatToken()
    {
        var store = await OpenStoreAsync();
        var (fetch, push, ok, denied) = (AuditActions.GitFetch, AuditActions.GitPush, AuditOutcomes.Ok, AuditOutcomes.Denied);
        (AuditAction Action, AuditOutcome Outcome, string Token, string Run)[] events =
        [
            (fetch, ok, "token-a", "run-1"), (fetch, ok, "token-a", "run-2"), (push, ok, "token-a", "run-1"),
            (push, denied, "token-a", "run-1"), (push, ok, "token-b", "run-1"), (push, ok, "token-a", "run-1"),
        ];
        foreach (var e in events)
        {
            await store.AuditWriter.AppendAsync(new AuditEvent(e.Action, "acme/gitops", e.Outcome, e.Token, "", e.Run), default);
        }

        var counts = await store.AuditReader.CountRunAsync("run-1", "token-a", default);

        Assert.Equal([new AuditCount(fetch, ok, 1), new AuditCount(push, denied, 1), new AuditCount(push, ok, 2)], counts);
        Assert.Empty(await store.AuditReader.CountRunAsync("run-3", "token-a", default));
    }

    private sealed class TokenRecordComparer : IEqualityComparer<TokenRecord?>
    {
        public bool Equals(TokenRecord? x, TokenRecord? y) =>
            x is not null && y is not null && x with { Actions = y.Actions } == y && x.Actions.OrderBy(a => a.Key).SequenceEqual(y.Actions.OrderBy(a => a.Key));

        public int GetHashCode(TokenRecord? obj) => obj?.Fingerprint.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}

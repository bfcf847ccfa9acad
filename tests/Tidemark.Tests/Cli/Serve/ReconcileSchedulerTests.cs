using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Scheduling;
using Tidemark.State;

namespace Tidemark.Tests.Cli.Serve;

public sealed class ReconcileSchedulerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static readonly RunTrigger GitHubPush = RunTrigger.Webhook("github", "push to main");

    private static readonly RunTrigger ReleasePush = RunTrigger.Webhook("github", "push to release/2.x");

    private static readonly RunTrigger DistributionPush = RunTrigger.Webhook("distribution", "pushed 127.0.0.1:5000/team/app:1.2.4");

    [Fact]
    public async Task FirstRuns_SpreadOverTheFirstInterval_EachRepositoryOnce()
    {
        await using var harness = new SchedulerHarness(repositories: 20, interval: Interval, maxConcurrentRuns: 20);
        await harness.StartAsync();

        var firsts = harness.Scheduler.Repositories.Select(r => r.NextRun!.Value).ToList();
        Assert.All(firsts, at => Assert.InRange(at, SchedulerHarness.Start, SchedulerHarness.Start + Interval));
        Assert.True(firsts.Distinct().Count() > 15, "the first runs are spread, not all at one moment");

        harness.Time.Advance(Interval / 2);
        await harness.SettleAsync();
        var half = harness.Calls.Count;
        Assert.InRange(half, 1, 19);
        Assert.Equal(firsts.Count(at => at <= SchedulerHarness.Start + (Interval / 2)), half);

        harness.Time.Advance(Interval / 2);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 20, "every repository ran once");
        await harness.SettleAsync();
        Assert.Equal(20, harness.Calls.Select(c => c.Repository).Distinct().Count());
        Assert.All(harness.Calls, c => Assert.Equal((RunTrigger.Schedule, false), (c.Request.Trigger, c.Request.Refresh)));
    }

    [Fact]
    public async Task LaterRuns_AfterTheIntervalWithinTheJitterBound()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: Interval);
        await harness.StartAsync();
        var seen = new List<TimeSpan>();

        for (var round = 1; round <= 5; round++)
        {
            var due = harness.Status("acme/repo1").NextRun!.Value;
            harness.Time.Advance(due - harness.Time.GetUtcNow());
            await SchedulerHarness.Eventually(() => harness.Calls.Count == round, $"run {round} started");
            var ended = harness.Time.GetUtcNow();
            harness.Calls[^1].Succeed();
            await SchedulerHarness.Eventually(() => harness.Status("acme/repo1") is { Running: false, LastRunEnded: not null } s && s.LastRunEnded == ended, "the run is recorded");
            var gap = harness.Status("acme/repo1").NextRun!.Value - ended;
            Assert.InRange(gap, Interval * (1 - ReconcileScheduler.JitterFraction), Interval * (1 + ReconcileScheduler.JitterFraction));
            seen.Add(gap);
        }

        Assert.True(seen.Distinct().Count() > 1, "the gaps are jittered");
    }

    [Fact]
    public async Task TriggersDuringARun_OneFollowUpRun_NeverTwoAtOnce()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: TimeSpan.FromHours(1));
        await harness.StartAsync();

        Assert.True(harness.Scheduler.Request("ACME/Repo1", GitHubPush));
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the triggered run started");
        Assert.Equal(GitHubPush, harness.Calls[0].Request.Trigger);
        Assert.True(harness.Status("acme/repo1").Running);

        Assert.True(harness.Scheduler.Request("acme/repo1", RunTrigger.Dashboard));
        Assert.True(harness.Scheduler.Request("acme/repo1", GitHubPush));
        Assert.Single(harness.Scheduler.ImagePushed("docker.io/library/nginx", DistributionPush));
        await harness.SettleAsync();
        Assert.Single(harness.Calls);

        harness.Calls[0].Succeed("nginx");
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 2, "one follow-up run");
        Assert.Equal((RunTrigger.Dashboard, true), (harness.Calls[1].Request.Trigger, harness.Calls[1].Request.Refresh));
        harness.Calls[1].Succeed("nginx");
        await harness.SettleAsync();

        Assert.Equal(2, harness.Calls.Count);
        Assert.False(harness.Scheduler.Request("acme/unknown", RunTrigger.Dashboard));
    }

    [Fact]
    public async Task ManyTriggers_AtMostMaxConcurrentRunsAtOnce()
    {
        await using var harness = new SchedulerHarness(repositories: 5, interval: TimeSpan.FromHours(1), maxConcurrentRuns: 2);
        await harness.StartAsync();

        for (var i = 1; i <= 5; i++)
        {
            harness.Scheduler.Request($"acme/repo{i}", RunTrigger.Dashboard);
        }

        await SchedulerHarness.Eventually(() => harness.Calls.Count == 2, "two runs started");
        await harness.SettleAsync();
        Assert.Equal(2, harness.Running.Count);

        harness.Calls[0].Succeed();
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 3, "a third run took the free slot");
        await harness.SettleAsync();
        Assert.Equal(2, harness.Running.Count);

        while (harness.Calls.Count < 5 || harness.Running.Count > 0)
        {
            Assert.True(harness.Running.Count <= 2);
            harness.Running[0].Succeed();
            await harness.SettleAsync();
        }

        Assert.Equal(5, harness.Calls.Select(c => c.Repository).Distinct().Count());
    }

    [Fact]
    public async Task Failures_BackOffExponentially_CappedAndResetOnSuccess()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: Interval);
        await harness.StartAsync();
        var expected = new[] { 2, 4, 6, 6 }.Select(n => TimeSpan.FromMinutes(n * 10)).ToList();

        for (var failure = 1; failure <= 4; failure++)
        {
            harness.Time.Advance(harness.Status("acme/repo1").NextRun!.Value - harness.Time.GetUtcNow());
            await SchedulerHarness.Eventually(() => harness.Calls.Count == failure, $"run {failure}");
            var ended = harness.Time.GetUtcNow();
            harness.Calls[^1].Fail();
            await SchedulerHarness.Eventually(() => harness.Status("acme/repo1").ConsecutiveFailures == failure, "the failure is counted");
            var gap = harness.Status("acme/repo1").NextRun!.Value - ended;
            var wait = expected[failure - 1];
            Assert.InRange(gap, wait * (1 - ReconcileScheduler.JitterFraction), wait * (1 + ReconcileScheduler.JitterFraction));
        }

        var status = harness.Status("acme/repo1");
        Assert.Equal((false, "failed: git fetch failed: connection refused"), (status.LastRunSucceeded, status.LastOutcome));

        harness.Time.Advance(status.NextRun!.Value - harness.Time.GetUtcNow());
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 5, "run 5");
        var end = harness.Time.GetUtcNow();
        harness.Calls[^1].Succeed();
        await SchedulerHarness.Eventually(() => harness.Status("acme/repo1").ConsecutiveFailures == 0, "success resets the count");
        Assert.InRange(harness.Status("acme/repo1").NextRun!.Value - end, Interval * 0.9, Interval * 1.1);
        Assert.Contains("failed acme/repo1 schedule: git fetch failed: connection refused", harness.Observer.Events);
        Assert.Equal("finished acme/repo1 schedule", harness.Observer.Events[^1]);
    }

    [Fact]
    public async Task PartialRun_SomeLookupsFailed_ShowsItsErrors_NextRunOnTheNormalInterval()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: Interval);
        await harness.StartAsync();

        harness.Time.Advance(harness.Status("acme/repo1").NextRun!.Value - harness.Time.GetUtcNow());
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "run 1");
        var ended = harness.Time.GetUtcNow();
        harness.Calls[0].Finish(SchedulerHarness.ResultWithErrors("acme/repo1", ["nginx"], ["127.0.0.1:5000/team/app"]));
        await SchedulerHarness.Eventually(() => harness.Status("acme/repo1").LastOutcome is not null, "the run is recorded");

        var status = harness.Status("acme/repo1");
        Assert.Equal((false, "1 error; pull request #3 opened", 0), (status.LastRunSucceeded, status.LastOutcome, status.ConsecutiveFailures));
        Assert.InRange(status.NextRun!.Value - ended, Interval * (1 - ReconcileScheduler.JitterFraction), Interval * (1 + ReconcileScheduler.JitterFraction));

        // a run that could do nothing (every lookup failed) is a failure: backed off
        harness.Time.Advance(status.NextRun!.Value - harness.Time.GetUtcNow());
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 2, "run 2");
        ended = harness.Time.GetUtcNow();
        harness.Calls[1].Finish(SchedulerHarness.ResultWithErrors("acme/repo1", [], ["nginx", "127.0.0.1:5000/team/app"]));
        await SchedulerHarness.Eventually(() => harness.Status("acme/repo1").ConsecutiveFailures == 1, "the failure is counted");
        status = harness.Status("acme/repo1");
        Assert.Equal((false, "2 errors; up to date"), (status.LastRunSucceeded, status.LastOutcome));
        Assert.InRange(status.NextRun!.Value - ended, Interval * 2 * (1 - ReconcileScheduler.JitterFraction), Interval * 2 * (1 + ReconcileScheduler.JitterFraction));
    }

    [Fact]
    public async Task BranchPushed_TriggersOnTheBaseBranch_TheDefaultBranchUntilTheFirstRunNamesIt()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: TimeSpan.FromHours(1));
        await harness.StartAsync();

        AssertNotTriggered(harness.Scheduler.BranchPushed("acme/repo1", "release/2.x", "main", ReleasePush), "main");
        Assert.Null(harness.Scheduler.BranchPushed("acme/unknown", "main", "main", GitHubPush));
        await harness.SettleAsync();
        Assert.Empty(harness.Calls);

        // before the first run the default branch stands in for the base branch
        Assert.True(harness.Scheduler.BranchPushed("ACME/Repo1", "main", "main", GitHubPush)!.Triggered);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the push to the default branch ran it");
        var run = SchedulerHarness.Result("acme/repo1");
        harness.Calls[0].Finish(run with { Scopes = [run.Scopes[0] with { Settings = run.Scopes[0].Settings with { BaseBranch = "release/2.x" } }] });
        await SchedulerHarness.Eventually(() => !harness.Status("acme/repo1").Running && harness.Status("acme/repo1").LastRunId is not null, "the run is recorded");

        // the run named its base branch: now a push there triggers, and one to the default branch does not
        AssertNotTriggered(harness.Scheduler.BranchPushed("acme/repo1", "main", "main", GitHubPush), "release/2.x");
        Assert.True(harness.Scheduler.BranchPushed("acme/repo1", "release/2.x", "main", ReleasePush)!.Triggered);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 2, "the push to the base branch ran it");
        Assert.Equal(ReleasePush, harness.Calls[1].Request.Trigger);
    }

    private static void AssertNotTriggered(BranchPush? push, string baseBranch)
    {
        Assert.NotNull(push);
        Assert.False(push.Triggered);
        Assert.Equal([baseBranch], push.BaseBranches);
    }

    [Theory]
    [InlineData(5, 0, 5)]
    [InlineData(5, 1, 10)]
    [InlineData(5, 3, 40)]
    [InlineData(5, 4, 60)]
    [InlineData(5, 30, 60)]
    [InlineData(120, 2, 120)]
    public void Backoff_IntervalTimesTwoToTheFailures_AtMostAnHourOrTheInterval(int intervalMinutes, int failures, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), ReconcileScheduler.Backoff(TimeSpan.FromMinutes(intervalMinutes), failures));

    [Fact]
    public async Task ImagePushed_TriggersRepositoriesUsingItAndThoseNotKnownYet_WithFreshTagListings()
    {
        await using var harness = new SchedulerHarness(repositories: 3, interval: TimeSpan.FromHours(1));
        await harness.StartAsync();
        harness.Scheduler.Request("acme/repo1", RunTrigger.Dashboard);
        harness.Scheduler.Request("acme/repo2", RunTrigger.Dashboard);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 2, "two runs");
        harness.Calls.Single(c => c.Repository == "acme/repo1").Succeed("nginx:1.25.3");
        harness.Calls.Single(c => c.Repository == "acme/repo2").Succeed("127.0.0.1:5000/team/app:1.0");
        // the calls' end is not the scheduler's record of them: wait for both records
        await SchedulerHarness.Eventually(() => harness.Status("acme/repo1").Images is not null && harness.Status("acme/repo2").Images is not null, "both recorded");
        Assert.Equal(["docker.io/library/nginx"], harness.Status("acme/repo1").Images);
        Assert.Equal(new Uri("https://github.com/acme/repo1/pull/3"), harness.Status("acme/repo1").PullRequestUrl);
        Assert.Equal((1, "pull request #3 opened"), (harness.Status("acme/repo1").PendingUpdates, harness.Status("acme/repo1").LastOutcome));

        var triggered = harness.Scheduler.ImagePushed("127.0.0.1:5000/team/app", DistributionPush);

        Assert.Equal(["acme/repo2", "acme/repo3"], triggered.Order(StringComparer.Ordinal));
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 4, "two triggered runs");
        await harness.SettleAsync();
        Assert.All(harness.Calls.Skip(2), c => Assert.Equal((DistributionPush, true), (c.Request.Trigger, c.Request.Refresh)));
        Assert.Equal(["acme/repo2", "acme/repo3"], harness.Calls.Skip(2).Select(c => c.Repository).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LeaseHeldByAnotherReplica_SkippedNotAFailure()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: Interval);
        await harness.StartAsync();
        harness.Scheduler.Request("acme/repo1", RunTrigger.Dashboard);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the run");

        var ended = harness.Time.GetUtcNow();
        var held = new RepositoryLockedException("acme/repo1", "tidemark serve host b", ended + TimeSpan.FromMinutes(15));
        harness.Calls[0].Throw(held);
        await SchedulerHarness.Eventually(() => !harness.Status("acme/repo1").Running && harness.Status("acme/repo1").LastOutcome is not null, "recorded");

        var status = harness.Status("acme/repo1");
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.StartsWith("skipped: acme/repo1 is being updated by another run (tidemark serve host b)", status.LastOutcome, StringComparison.Ordinal);
        Assert.Equal(ended + ReconcileScheduler.LeaseRetry, status.NextRun); // the dashboard's trigger is retried shortly, not after an interval
        Assert.Equal(["started acme/repo1 dashboard", "skipped acme/repo1 dashboard"], harness.Observer.Events);
    }

    [Fact]
    public async Task LeaseHeld_TriggeredRunRetriedAfterAWait_KeepsRefresh_NoSpin()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: Interval);
        await harness.StartAsync();
        Assert.Single(harness.Scheduler.ImagePushed("docker.io/library/nginx", DistributionPush));
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the triggered run");

        var ended = harness.Time.GetUtcNow();
        harness.Calls[0].Throw(new RepositoryLockedException("acme/repo1", "tidemark serve host b", ended + TimeSpan.FromMinutes(15)));
        await SchedulerHarness.Eventually(() => !harness.Status("acme/repo1").Running && harness.Status("acme/repo1").LastOutcome is not null, "recorded");
        await harness.SettleAsync();
        Assert.Single(harness.Calls);

        harness.Time.Advance(ReconcileScheduler.LeaseRetry - TimeSpan.FromSeconds(1));
        await harness.SettleAsync();
        Assert.Single(harness.Calls);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 2, "the trigger is retried");
        Assert.Equal((DistributionPush, true), (harness.Calls[1].Request.Trigger, harness.Calls[1].Request.Refresh));
        harness.Calls[1].Succeed();
        await harness.SettleAsync();
        Assert.Equal(2, harness.Calls.Count);
    }

    [Fact]
    public async Task LeaseHeld_ScheduledRun_NotRetriedBeforeTheInterval()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: Interval);
        await harness.StartAsync();
        harness.Time.Advance(harness.Status("acme/repo1").NextRun!.Value - harness.Time.GetUtcNow());
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the scheduled run");

        var ended = harness.Time.GetUtcNow();
        harness.Calls[0].Throw(new RepositoryLockedException("acme/repo1", "tidemark serve host b", ended + TimeSpan.FromMinutes(15)));
        await SchedulerHarness.Eventually(() => !harness.Status("acme/repo1").Running && harness.Status("acme/repo1").LastOutcome is not null, "recorded");
        Assert.InRange(harness.Status("acme/repo1").NextRun!.Value - ended, Interval * 0.9, Interval * 1.1);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.SettleAsync();
        Assert.Single(harness.Calls);
    }

    [Fact]
    public async Task Stop_LetsARunningReconcileFinishBeforeTheDeadline_TakesNoNewWork()
    {
        await using var harness = new SchedulerHarness(repositories: 2, interval: TimeSpan.FromHours(1));
        await harness.StartAsync();
        harness.Scheduler.Request("acme/repo1", RunTrigger.Dashboard);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the run");

        var stopping = harness.Scheduler.StopAsync(default);
        await harness.SettleAsync();
        Assert.False(stopping.IsCompleted, "stop waits for the running reconcile");
        Assert.False(harness.Scheduler.Request("acme/repo2", RunTrigger.Dashboard), "no new work while stopping");
        Assert.False(harness.Scheduler.AcceptingWork);
        harness.Calls[0].Succeed();
        await stopping;

        Assert.False(harness.Calls[0].Cancellation.IsCancellationRequested);
        Assert.Single(harness.Calls);
        Assert.False(harness.Scheduler.SchedulerRunning);
    }

    [Fact]
    public async Task Stop_CancelsRunsStillGoingAtTheDeadline()
    {
        await using var harness = new SchedulerHarness(repositories: 1, interval: TimeSpan.FromHours(1), shutdownTimeout: TimeSpan.FromSeconds(30));
        await harness.StartAsync();
        harness.Scheduler.Request("acme/repo1", RunTrigger.Dashboard);
        await SchedulerHarness.Eventually(() => harness.Calls.Count == 1, "the run");
        var call = harness.Calls[0];
        call.Cancellation.Register(call.Cancelled);

        var stopping = harness.Scheduler.StopAsync(default);
        await harness.SettleAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await harness.SettleAsync();
        Assert.False(call.Cancellation.IsCancellationRequested, "not before the deadline");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await stopping;

        Assert.True(call.Cancellation.IsCancellationRequested);
        Assert.Equal("failed: cancelled at shutdown; the next run finishes its work", harness.Status("acme/repo1").LastOutcome);
    }

    [Fact]
    public void DisabledEntries_ShownWithTheirErrorNeverScheduled()
    {
        var harness = new SchedulerHarness(repositories: 1);
        var disabled = harness.Settings.Repositories[0] with { Error = "serve.yaml:2:5: error: repositories[0].url: bad" };
        var scheduler = new ReconcileScheduler(harness.Settings with { Repositories = [disabled] }, (_, _) => throw new InvalidOperationException("never"), harness.Observer, harness.Time,
            new Tidemark.Credentials.Redactor(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new Random(1));

        var status = Assert.Single(scheduler.Repositories);
        Assert.Equal(("serve.yaml:2:5: error: repositories[0].url: bad", null), (status.Error, status.NextRun));
        Assert.False(scheduler.Request("acme/repo1", RunTrigger.Dashboard));
        Assert.Empty(scheduler.ImagePushed("docker.io/library/nginx", DistributionPush));
    }
}

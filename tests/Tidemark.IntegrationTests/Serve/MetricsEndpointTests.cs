using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Automation;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Metrics;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.IntegrationTests.Run;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>
/// <c>/metrics</c> scraped over real Kestrel after a real run (the local registry, the GitHub simulator, git over smart
/// HTTP) and the observer's calls: the library's counters carry the registry's and the simulator's hosts and statuses,
/// the pull request and the updates it proposed, the service's run metrics, and each ledger token's expiry.
/// </summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed class MetricsEndpointTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Metrics_AfterARealRunAndObserverCalls_ReportRequestsPullRequestRunsAndWebhooksInPrometheusText()
    {
        var name = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        using var scene = await fixture.NewSceneAsync(name: name);
        var repository = "alice/" + name;
        var time = new FakeTimeProvider(Now);
        var redactor = new Redactor();
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(scene.Root, "serve-state.db")), time, redactor, CancellationToken.None);
        await using var host = await MetricsHost.StartAsync(state, time);

        var result = await LibraryRun.RunAsync(scene, redactor);
        var observer = new MetricsObserver(time);
        observer.RunFinished(repository, RunTrigger.Schedule, TimeSpan.FromSeconds(2.5), result, null);
        observer.RunFinished(repository, RunTrigger.Webhook("distribution", "pushed 127.0.0.1:5000/team/app:1.2.4"), TimeSpan.FromSeconds(40), null, "the registry could not be reached");
        observer.WebhookHandled("distribution", "accepted");
        observer.WebhookHandled("distribution", "accepted");
        observer.WebhookHandled("distribution", "unauthorized");
        var metrics = await host.ScrapeAsync();

        var registry = "host=" + fixture.Registry.Host;
        Assert.Equal("counter", metrics.Types["tidemark_registry_requests_total"]);
        // the example's references name docker.io, ghcr.io and quay.io; the operator settings send them to the local registry
        Assert.True(metrics.Value("tidemark_registry_requests_total", "registry=docker.io", registry, "kind=tags", "status=200") >= 1,
            "tag listings answered 200: " + string.Join("; ", metrics.Find("tidemark_registry_requests_total").Select(s => string.Join(",", s.Labels) + " " + s.Value)));
        Assert.True(metrics.Value("tidemark_registry_requests_total", "registry=quay.io", registry, "kind=tags", "status=200") >= 1);
        Assert.DoesNotContain(metrics.Find("tidemark_registry_requests_total", registry), s => s.Labels["status"] != "200");
        var github = "host=" + scene.GitHub.ApiUri.Authority;
        Assert.True(metrics.Value("tidemark_github_requests_total", github, "method=POST", "status=201") >= 1, "the pull request was created (201)");
        Assert.Equal("gauge", metrics.Types["tidemark_github_rate_limit_remaining"]);
        Assert.Equal(4999, metrics.Value("tidemark_github_rate_limit_remaining", github));
        var opened = Assert.Single(result.Scopes).Outcome;
        Assert.Equal(PublishAction.Created, opened.Action);
        Assert.Equal(1, metrics.Value("tidemark_pull_request_actions_total", "repository=" + repository, "action=created"));
        Assert.DoesNotContain(metrics.Find("tidemark_pull_request_actions_total", "repository=" + repository), s => s.Labels["action"] != "created");
        Assert.Equal(result.Scopes[0].Plan.Changes.Count, metrics.Value("tidemark_updates_proposed_total", "repository=" + repository));
        Assert.True(result.Scopes[0].Plan.Changes.Count > 0);

        Assert.Equal(1, metrics.Value("tidemark_runs_total", "repository=" + repository, "trigger=schedule", "outcome=succeeded"));
        Assert.Equal(1, metrics.Value("tidemark_runs_total", "repository=" + repository, "trigger=webhook:distribution", "outcome=failed"));
        Assert.DoesNotContain(metrics.Find("tidemark_runs_total", "repository=" + repository), s => s.Labels["trigger"].Contains("pushed", StringComparison.Ordinal));
        Assert.Equal("histogram", metrics.Types["tidemark_run_duration_seconds"]);
        var run = "repository=" + repository;
        Assert.Equal(0, metrics.Value("tidemark_run_duration_seconds_bucket", run, "le=1"));
        Assert.Equal(1, metrics.Value("tidemark_run_duration_seconds_bucket", run, "le=2.5"));
        Assert.Equal(1, metrics.Value("tidemark_run_duration_seconds_bucket", run, "le=30"));
        Assert.Equal(2, metrics.Value("tidemark_run_duration_seconds_bucket", run, "le=60"));
        Assert.Equal(2, metrics.Value("tidemark_run_duration_seconds_bucket", run, "le=+Inf"));
        Assert.Equal(2, metrics.Value("tidemark_run_duration_seconds_count", run));
        Assert.Equal(42.5, metrics.Value("tidemark_run_duration_seconds_sum", run));
        Assert.Equal(Now.ToUnixTimeSeconds(), metrics.Value("tidemark_last_successful_run_timestamp_seconds", run));
        Assert.Equal(2, metrics.Value("tidemark_webhook_deliveries_total", "sender=distribution", "outcome=accepted"));
        Assert.Equal(1, metrics.Value("tidemark_webhook_deliveries_total", "sender=distribution", "outcome=unauthorized"));

        await scene.CommitUpdatesToMainAsync();
        var second = await LibraryRun.RunAsync(scene, redactor);
        var after = await host.ScrapeAsync();
        Assert.Equal(PublishAction.Closed, Assert.Single(second.Scopes).Outcome.Action);
        Assert.Equal(1, after.Value("tidemark_pull_request_actions_total", "repository=" + repository, "action=closed"));
        Assert.Equal(1, after.Value("tidemark_pull_request_actions_total", "repository=" + repository, "action=created"));
        Assert.Equal(metrics.Value("tidemark_updates_proposed_total", "repository=" + repository), after.Value("tidemark_updates_proposed_total", "repository=" + repository));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Metrics_TokenLedgerRows_YieldTheirExpiryInSecondsByFingerprintNegativeOnceExpired()
    {
        var time = new FakeTimeProvider(Now);
        var root = Directory.CreateTempSubdirectory("tidemark-metrics-").FullName;
        try
        {
            var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(root, "state.db")), time, new Redactor(), CancellationToken.None);
            await using var host = await MetricsHost.StartAsync(state, time);
            await state.TokenWriter.RecordUseAsync(new TokenUse("fine-grained …a1b2 #3f9c1e", "fine-grained", "environment variable GITHUB_TOKEN", "current", "acme/fleet", Now.AddDays(3),
                new Dictionary<string, int> { ["git.fetch"] = 1 }), CancellationToken.None);
            await state.TokenWriter.RecordUseAsync(new TokenUse("classic …9z9z #0a0b0c", "classic", "file /run/token", "current", "acme/other", Now.AddHours(-1),
                new Dictionary<string, int> { ["git.fetch"] = 1 }), CancellationToken.None);
            await state.TokenWriter.RecordUseAsync(new TokenUse("app installation #777777", "app", "app 12", "current", "acme/third", null,
                new Dictionary<string, int> { ["git.fetch"] = 1 }), CancellationToken.None);
            // expired 7 days less 30 minutes ago: still shown; 8 days ago: forgotten (an hourly App token's old fingerprint)
            await state.TokenWriter.RecordUseAsync(new TokenUse("app …aaaa #0d0d0d", "app", "app 12", "current", "acme/third", Now.AddDays(-7).AddMinutes(30),
                new Dictionary<string, int> { ["git.fetch"] = 1 }), CancellationToken.None);
            await state.TokenWriter.RecordUseAsync(new TokenUse("app …bbbb #0e0e0e", "app", "app 12", "current", "acme/third", Now.AddDays(-8),
                new Dictionary<string, int> { ["git.fetch"] = 1 }), CancellationToken.None);

            var first = await host.ScrapeAsync();
            time.Advance(TimeSpan.FromHours(1));
            var later = await host.ScrapeAsync();

            Assert.Equal("gauge", first.Types["tidemark_token_expiry_seconds"]);
            Assert.Equal(3 * 86400, first.Value("tidemark_token_expiry_seconds", "fingerprint=fine-grained …a1b2 #3f9c1e", "kind=fine-grained"));
            Assert.Equal(-3600, first.Value("tidemark_token_expiry_seconds", "fingerprint=classic …9z9z #0a0b0c", "kind=classic"));
            Assert.Equal(-(7 * 86400) + 1800, first.Value("tidemark_token_expiry_seconds", "fingerprint=app …aaaa #0d0d0d", "kind=app"));
            Assert.Equal(3, first.Find("tidemark_token_expiry_seconds").Count);
            // an hour later the first App token is past the week too
            Assert.Equal(2, later.Find("tidemark_token_expiry_seconds").Count);
            Assert.Equal(3 * 86400 - 3600, later.Value("tidemark_token_expiry_seconds", "fingerprint=fine-grained …a1b2 #3f9c1e"));
            Assert.Equal(-7200, later.Value("tidemark_token_expiry_seconds", "fingerprint=classic …9z9z #0a0b0c"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_PersonCommittedToTheUpdateBranch_CountsOnePauseCommentAndTheRunLineSaysPaused()
    {
        var name = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        using var scene = await fixture.NewSceneAsync(name: name);
        var time = new FakeTimeProvider(Now);
        var redactor = new Redactor();
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(scene.Root, "serve-state.db")), time, redactor, CancellationToken.None);
        await using var host = await MetricsHost.StartAsync(state, time);
        await LibraryRun.RunAsync(scene, redactor);
        await scene.GitHub.CommitAsync(scene.Repository, RunScene.UpdateBranch, new Dictionary<string, string> { ["NOTES.md"] = "pinned for now\n" }, "Keep webhook at 1.17");

        var paused = await LibraryRun.RunAsync(scene, redactor);
        var again = await LibraryRun.RunAsync(scene, redactor);
        var metrics = await host.ScrapeAsync();

        var repository = "repository=alice/" + name;
        Assert.Equal(1, metrics.Value("tidemark_pull_request_actions_total", repository, "action=commented"));
        Assert.Equal(1, metrics.Value("tidemark_pull_request_actions_total", repository, "action=created"));
        Assert.Null(metrics.Value("tidemark_pull_request_actions_total", repository, "action=updated"));
        var number = Assert.Single(paused.Scopes).Outcome.PullRequestNumber;
        Assert.Equal($"run alice/{name}: paused: the update branch has commits Tidemark did not make (pull request #{number}) in 1.5 s [run {again.RunId}] trigger=schedule",
            Tidemark.Cli.Serve.Logging.RunLogObserver.Line("alice/" + name, RunTrigger.Schedule, TimeSpan.FromSeconds(1.5), again, null));
        SqliteConnection.ClearAllPools();
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Automation;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Logging;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.Git;

namespace Tidemark.Tests.Cli.Serve;

/// <summary>One line per run, its exact text for each outcome, and its JSON fields.</summary>
public sealed class RunLogObserverTests
{
    private const string RunId = "20261203T101500Z-a1b2c3";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 15, 4, TimeSpan.Zero);

    [Fact]
    public void RunFinished_PullRequestUpdated_OneLineWithNumberUpdatesDurationRunAndTrigger()
    {
        var result = Result(new Outcome(PublishAction.Updated, true, "pushed", 3, "https://github.com/acme/fleet/pull/3", [], false), changes: 2);

        var (lines, _) = Log(o => o.RunFinished("acme/fleet", RunTrigger.Schedule, TimeSpan.FromMilliseconds(4120), result, null), ServiceLogFormat.Text);

        Assert.Equal($"2026-12-03T10:15:04.000Z information run.finished [Tidemark.Serve.Run] run acme/fleet: pull request #3 updated (2 updates) in 4.1 s [run {RunId}] trigger=schedule", Assert.Single(lines));
    }

    [Fact]
    public void RunFinished_Shapes_ExactText()
    {
        var opened = Result(new Outcome(PublishAction.Created, true, "pushed", 12, "https://github.com/acme/fleet/pull/12", [], false), changes: 1);
        var upToDate = Result(new Outcome(PublishAction.Nothing, false, "nothing to change", null, null, [], false), changes: 0);
        var closed = Result(new Outcome(PublishAction.Closed, false, "nothing to change", 3, "https://github.com/acme/fleet/pull/3", [], false), changes: 0);
        var dry = Result(new Outcome(PublishAction.Created, false, "dry run", null, null, [], true), changes: 3) with { DryRun = true };
        var planErrors = Result(new Outcome(PublishAction.Unchanged, false, "left", 3, "https://github.com/acme/fleet/pull/3", [], false), changes: 1, errors: ["ghcr.io/acme/app: 401 unauthorized", "nginx: not found"]);

        Assert.Equal($"run acme/fleet: pull request #12 opened (1 update) in 0.9 s [run {RunId}] trigger=distribution webhook: pushed 127.0.0.1:5000/team/app:1.2.4",
            RunLogObserver.Line("acme/fleet", RunTrigger.Webhook("distribution", "pushed 127.0.0.1:5000/team/app:1.2.4"), TimeSpan.FromSeconds(0.94), opened, null));
        Assert.Equal($"run acme/fleet: up to date in 0.8 s [run {RunId}] trigger=schedule",
            RunLogObserver.Line("acme/fleet", RunTrigger.Schedule, TimeSpan.FromSeconds(0.8), upToDate, null));
        Assert.Equal($"run acme/fleet: pull request #3 closed (the base has its updates) in 1.0 s [run {RunId}] trigger=schedule",
            RunLogObserver.Line("acme/fleet", RunTrigger.Schedule, TimeSpan.FromSeconds(1), closed, null));
        Assert.Equal($"run acme/fleet: dry run, nothing written: pull request would be opened (3 updates) in 2.0 s [run {RunId}] trigger=schedule",
            RunLogObserver.Line("acme/fleet", RunTrigger.Schedule, TimeSpan.FromSeconds(2), dry, null));
        Assert.Equal("run acme/fleet: failed in 12.3 s trigger=admin: the registry ghcr.io could not be reached",
            RunLogObserver.Line("acme/fleet", RunTrigger.Other("admin"), TimeSpan.FromSeconds(12.3), null, "the registry ghcr.io could not be reached"));
        var (lines, _) = Log(o => o.RunFinished("acme/fleet", RunTrigger.Schedule, TimeSpan.FromSeconds(5), planErrors, null), ServiceLogFormat.Text);
        Assert.EndsWith($"error run.finished [Tidemark.Serve.Run] run acme/fleet: failed, pull request #3 unchanged (1 update) in 5.0 s [run {RunId}] trigger=schedule: ghcr.io/acme/app: 401 unauthorized (and 1 more)",
            Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void RunFinished_Json_HasStableEventAndRepositoryRunOutcomeFields()
    {
        var result = Result(new Outcome(PublishAction.Created, true, "pushed", 12, "https://github.com/acme/fleet/pull/12", [], false), changes: 2);

        var (lines, _) = Log(o =>
        {
            o.RunStarted("acme/fleet", RunTrigger.Schedule);
            o.RunFinished("acme/fleet", RunTrigger.Schedule, TimeSpan.FromSeconds(3.25), result, null);
            o.RunFinished("acme/other", RunTrigger.Schedule, TimeSpan.FromSeconds(1), null, "boom");
        }, ServiceLogFormat.Json);

        Assert.Equal(2, lines.Count); // the start is a debug line: one line per run at the default level
        var ok = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(("information", "run.finished", "acme/fleet", RunId, "schedule", "succeeded", "3.25", "2", "https://github.com/acme/fleet/pull/12"),
            (ok.GetProperty("level").GetString(), ok.GetProperty("event").GetString(), ok.GetProperty("repository").GetString(), ok.GetProperty("run").GetString(),
             ok.GetProperty("trigger").GetString(), ok.GetProperty("outcome").GetString(), ok.GetProperty("durationSeconds").GetString(), ok.GetProperty("updates").GetString(),
             ok.GetProperty("pullRequest").GetString()));
        var failed = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal(("error", "failed", "boom", JsonValueKind.Null), (failed.GetProperty("level").GetString(), failed.GetProperty("outcome").GetString(),
            failed.GetProperty("error").GetString(), failed.GetProperty("run").ValueKind));
    }

    private static (List<string> Lines, Redactor Redactor) Log(Action<RunLogObserver> act, ServiceLogFormat format)
    {
        var output = new StringWriter();
        var redactor = new Redactor();
        using (var factory = LoggerFactory.Create(b => ServeLogging.Configure(b, format, redactor, output, new FakeTimeProvider(Now), LogLevel.Information)))
        {
            act(new RunLogObserver(factory.CreateLogger("Tidemark.Serve.Run")));
        }

        return ([.. output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)], redactor);
    }

    private static RunResult Result(Outcome outcome, int changes, IReadOnlyList<string>? errors = null)
    {
        var settings = new PublishSettings("acme/fleet", "main", "flux-image-updates", new GitIdentity("Tidemark", "bot@example.invalid"), "Update images", [], [], []);
        var planned = Enumerable.Range(0, changes).Select(i => new PlannedChange($"app{i}", "1.0.0", "1.1.0", "semver", null, "newer", [new SitePlace("apps/app.yaml", i + 1)])).ToList();
        var plan = new Plan(planned, [], errors ?? [], [], [], []);
        return new RunResult("acme/fleet", RunId, false, new UpdateMode([UpdateScope.Repository], "every reference"), [new ScopeResult(settings, plan, outcome, null)], [], errors ?? []);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Tidemark.Credentials;
using Tidemark.State;
using Tidemark.Testing.GitHub;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// The audit rows and log lines of real `tidemark run`s against the simulator and a real registry: every token use
/// and write recorded with the token's fingerprint, denials recorded as denied, and the token itself nowhere.
/// </summary>
public sealed partial class AuditTrailTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly AuditAction[] Writes = [AuditActions.GitPush, AuditActions.PullRequestCreate, AuditActions.PullRequestUpdate, AuditActions.PullRequestClose, AuditActions.PullRequestComment, AuditActions.BranchDelete];

    [Fact]
    public async Task Run_FirstTime_RecordsFetchesListingsPushAndPullRequestWithTheTokenFingerprint()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var fingerprint = Fingerprint(run);
        Assert.StartsWith("classic …", fingerprint, StringComparison.Ordinal);
        var rows = await AllAsync(scene);
        var repository = scene.Repository.FullName;
        Assert.Contains(rows, r => r.Action == AuditActions.GitFetch && r.Outcome == AuditOutcomes.Ok && r.Target == repository && r.Detail == "clone main" && r.TokenFingerprint == fingerprint);
        Assert.Contains(rows, r => r.Action == AuditActions.GitFetch && r.Outcome == AuditOutcomes.Ok && r.Target == repository && r.Detail.StartsWith("main ", StringComparison.Ordinal) && r.TokenFingerprint == fingerprint);
        var push = Assert.Single(rows, r => r.Action == AuditActions.GitPush);
        Assert.Equal((AuditOutcomes.Ok, $"{repository}@{RunScene.UpdateBranch}", fingerprint), (push.Outcome, push.Target, push.TokenFingerprint));
        Assert.StartsWith(scene.BranchSha(RunScene.UpdateBranch)!, push.Detail, StringComparison.Ordinal);
        var pull = Assert.Single(scene.Repository.PullRequests);
        var created = Assert.Single(rows, r => r.Action == AuditActions.PullRequestCreate);
        Assert.Equal((AuditOutcomes.Ok, $"{repository}#{pull.Number}", fingerprint), (created.Outcome, created.Target, created.TokenFingerprint));
        var listings = rows.Where(r => r.Action == AuditActions.RegistryList).ToList();
        Assert.Contains(listings, r => r.Target == "quay.io/jetstack/cert-manager-controller");
        Assert.All(listings, r => Assert.Equal((AuditOutcomes.Ok, (string?)null), (r.Outcome, r.TokenFingerprint)));
        Assert.DoesNotContain(rows, r => !new[] { AuditActions.GitFetch, AuditActions.RegistryList, AuditActions.GitPush, AuditActions.PullRequestCreate }.Contains(r.Action));
    }

    [Fact]
    public async Task Run_SecondWithNothingNew_RecordsOnlyFetchesNoWritesAndNoCachedListings()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var before = (await AllAsync(scene)).Select(r => r.Id).ToHashSet();

        var second = await scene.RunAsync();

        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        var added = (await AllAsync(scene)).Where(r => !before.Contains(r.Id)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, r => Assert.Equal((AuditActions.GitFetch, AuditOutcomes.Ok, Fingerprint(second)), (r.Action, r.Outcome, r.TokenFingerprint)));
        Assert.DoesNotContain(added, r => Writes.Contains(r.Action));
    }

    [Fact]
    public async Task Run_PushToProtectedUpdateBranch_IsRecordedDeniedAndLoggedAsAJsonFailure()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        fixture.GitHub.Protect(scene.Repository, RunScene.UpdateBranch, new BranchProtection());
        foreach (var name in new[] { "controller", "webhook", "cainjector", "acmesolver" })
        {
            await registry.PushTagsAsync($"jetstack/cert-manager-{name}", ["v1.18.3"]); // cert-manager moves in lockstep
        }

        var run = await scene.RunAsync("--refresh", "--log-format", "json");

        Assert.True(run.ExitCode == 1, run.Error + run.Out);
        var push = (await scene.AuditAsync(AuditActions.GitPush))[0];
        Assert.Equal((AuditOutcomes.Denied, Fingerprint(run)), (push.Outcome, push.TokenFingerprint));
        Assert.Contains("protected-branch: ", push.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await AllAsync(scene), r => r.Action == AuditActions.PullRequestUpdate);
        var failures = run.Error.Split('\n').Where(l => FailurePattern().IsMatch(l)).ToList();
        var line = JsonDocument.Parse(failures.Single(l => l.StartsWith('{') && l.Contains("git.push.denied", StringComparison.Ordinal))).RootElement;
        Assert.Equal(("error", "git.push.denied", "denied"), (line.GetProperty("level").GetString(), line.GetProperty("event").GetString(), line.GetProperty("outcome").GetString()));
        Assert.Equal($"{scene.Repository.FullName}@{RunScene.UpdateBranch}", line.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Run_RulesetRestrictsCreatingTheUpdateBranch_IsRecordedDeniedAndLoggedAsATextFailure()
    {
        using var scene = await fixture.NewSceneAsync();
        fixture.GitHub.AddRuleset(scene.Repository, "no new flux branches", ["refs/heads/flux-*"], ["creation"]);

        var run = await scene.RunAsync("--log-format", "text");

        Assert.True(run.ExitCode == 1, run.Error + run.Out);
        var push = Assert.Single(await scene.AuditAsync(AuditActions.GitPush));
        Assert.Equal((AuditOutcomes.Denied, Fingerprint(run)), (push.Outcome, push.TokenFingerprint));
        Assert.Contains("ruleset-violation: ", push.Detail, StringComparison.Ordinal);
        var failures = run.Error.Split('\n').Where(l => FailurePattern().IsMatch(l)).ToList();
        var line = Assert.Single(failures, l => l.Contains(" git.push.denied ", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z error git\.push\.denied \[Tidemark\.Audit\] git\.push ", line);
    }

    [Fact]
    public async Task Run_RegistryWithPassword_ListingsNameTheRegistryUserAndARefusedPasswordIsDenied()
    {
        await using var registry = await LocalRegistry.StartHtpasswdAsync("robot", "registry-pass-1");
        await registry.PushTagsAsync("stefanprodan/podinfo", ["6.7.0", "6.9.1"]);
        using var good = await fixture.NewSceneAsync(registry);
        using var bad = await fixture.NewSceneAsync(registry);

        var ok = await good.RunWithAsync(new Dictionary<string, string> { ["DOCKER_CONFIG"] = DockerConfig(good.Root, "registry-pass-1") });
        var refused = await bad.RunWithAsync(new Dictionary<string, string> { ["DOCKER_CONFIG"] = DockerConfig(bad.Root, "wrong-pass-2") });

        var listed = Assert.Single(await good.AuditAsync(AuditActions.RegistryList), r => r.Target == "ghcr.io/stefanprodan/podinfo");
        Assert.Equal((AuditOutcomes.Ok, "registry user robot"), (listed.Outcome, listed.TokenFingerprint));
        var denied = Assert.Single(await bad.AuditAsync(AuditActions.RegistryList), r => r.Target == "ghcr.io/stefanprodan/podinfo");
        Assert.Equal(AuditOutcomes.Denied, denied.Outcome);
        Assert.StartsWith("unauthorized: ", denied.Detail, StringComparison.Ordinal);
        Assert.Contains(refused.Error.Split('\n'), l => l.Contains("registry.list.denied", StringComparison.Ordinal) && FailurePattern().IsMatch(l));
        Assert.DoesNotContain("registry-pass-1", ok.Error + ok.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass-2", refused.Error + refused.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonLogsAtDebug_EveryLogLineIsJsonWithTheFieldsAndTheTokenIsNowhere()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunWithAsync(new Dictionary<string, string> { ["TIDEMARK_LOG_LEVEL"] = "debug" }, "--log-format", "json");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines.Where(l => !l.StartsWith('{')), l => Assert.StartsWith("tidemark: ", l, StringComparison.Ordinal));
        var logs = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(logs, l => Assert.All(new[] { "timestamp", "level", "event", "category", "message" }, f => Assert.Equal(JsonValueKind.String, l.GetProperty(f).ValueKind)));
        var events = logs.Select(l => l.GetProperty("event").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "git.started", "git.finished", "git.fetch.ok", "registry.list.ok", "git.push.ok", "pr.create.ok", "forge.request" }, events);
        var push = logs.Single(l => l.GetProperty("event").GetString() == "git.push.ok");
        Assert.Equal(("information", AuditActions.GitPush.Name, Fingerprint(run)), (push.GetProperty("level").GetString(), push.GetProperty("action").GetString(), push.GetProperty("token").GetString()));
        Assert.DoesNotContain(scene.Token, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(await AllAsync(scene), r => $"{r.Target} {r.TokenFingerprint} {r.Detail}".Contains(scene.Token, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(scene.StatePath)!))
        {
            Assert.DoesNotContain(scene.Token, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Audit_AfterARun_ListsTheRunsEventsNewestFirstWithTheTokenColumn()
    {
        using var scene = await fixture.NewSceneAsync();
        var run = await scene.RunAsync();
        Assert.Equal(0, run.ExitCode);

        var table = await Cli.CliRun.RunAsync("audit", "--state", scene.StatePath);
        var json = await Cli.CliRun.RunAsync("audit", "--state", scene.StatePath, "--action", "pr.", "--output", "json");

        Assert.True(table.ExitCode == 0, table.Error);
        var lines = table.Out.Split('\n');
        Assert.Contains(lines, l => l.Contains("TIME (UTC)", StringComparison.Ordinal) && l.Contains("TOKEN", StringComparison.Ordinal));
        var pushLine = Assert.Single(lines, l => l.Contains(" git.push ", StringComparison.Ordinal));
        Assert.Contains(Fingerprint(run), pushLine, StringComparison.Ordinal);
        Assert.Matches(@"^\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ", pushLine);
        Assert.True(lines.ToList().FindIndex(l => l.Contains(" pr.create ", StringComparison.Ordinal)) < lines.ToList().FindIndex(l => l.Contains(" git.push ", StringComparison.Ordinal)), table.Out);
        var events = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        var created = Assert.Single(events);
        Assert.Equal(AuditActions.PullRequestCreate.Name, created.GetProperty("action").GetString());
    }

    /// <summary>A Docker config folder with robot's password for the three registries the example's tidemark.yaml sends to the local one.</summary>
    private static string DockerConfig(string root, string password)
    {
        var folder = Path.Combine(root, "docker");
        Directory.CreateDirectory(folder);
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("robot:" + password));
        var auths = string.Join(",", new[] { "quay.io", "ghcr.io", "docker.io" }.Select(h => $"\"{h}\":{{\"auth\":\"{auth}\"}}"));
        File.WriteAllText(Path.Combine(folder, "config.json"), $"{{\"auths\":{{{auths}}}}}");
        return folder;
    }

    private static string Fingerprint(Cli.CliRun run) => TokenLine().Match(run.Error) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("no token line in: " + run.Error);

    private static async Task<IReadOnlyList<AuditRecord>> AllAsync(RunScene scene)
    {
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, new Redactor(), CancellationToken.None);
        return await state.AuditReader.QueryAsync(new AuditQuery(Limit: 1000), CancellationToken.None);
    }

    [GeneratedRegex("tidemark: token (.+) from GITHUB_TOKEN")]
    private static partial Regex TokenLine();

    /// <summary>What an operator greps for (PRODUCT.md monitoring): grep -E "error|fail|denied".</summary>
    [GeneratedRegex("error|fail|denied")]
    private static partial Regex FailurePattern();
}

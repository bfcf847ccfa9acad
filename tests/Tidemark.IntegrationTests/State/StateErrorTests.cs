using Microsoft.Data.Sqlite;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using Tidemark.State;

namespace Tidemark.IntegrationTests.State;

/// <summary>
/// A broken state database through the real CLI, for every command that opens it: one line naming the file, what is
/// wrong and what to do, the documented exit code, and never a stack trace; `tidemark state check` and `state repair`.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateErrorTests(RunFixture fixture) : IClassFixture<RunFixture>, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"tidemark-state-errors-{Guid.NewGuid():N}");

    private string StatePath => Path.Combine(_root, "state", "state.db");

    public void Dispose()
    {
        BrokenState.Mend(StatePath);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string, string, int, string> ReaderCases() => new()
    {
        { "audit", BrokenState.Garbage, 1, "is not a SQLite database (the file holds something else): `tidemark state repair --state " },
        { "audit", BrokenState.Truncated, 1, "is damaged (truncated or corrupt" },
        { "audit", BrokenState.ReadOnlyFile, 1, "cannot be written (the file is read-only" },
        { "audit", BrokenState.ReadOnlyFolder, 1, "is not writable (SQLite writes its journal files beside the database)" },
        { "audit", BrokenState.Folder, 2, "is a folder, not a file: give --state the path of a file" },
        { "audit", BrokenState.NewerSchema, 1, "has schema version 99, written by a newer Tidemark; this Tidemark knows up to version 4: upgrade Tidemark" },
        { "token status", BrokenState.Garbage, 1, "is not a SQLite database (the file holds something else): `tidemark state repair --state " },
        { "token status", BrokenState.Truncated, 1, "is damaged (truncated or corrupt" },
        { "token status", BrokenState.ReadOnlyFile, 1, "cannot be written (the file is read-only" },
        { "token status", BrokenState.ReadOnlyFolder, 1, "is not writable (SQLite writes its journal files beside the database)" },
        { "token status", BrokenState.Folder, 2, "is a folder, not a file: give --state the path of a file" },
        { "token status", BrokenState.NewerSchema, 1, "has schema version 99, written by a newer Tidemark" },
        { "state check", BrokenState.Garbage, 1, "is not a SQLite database" },
        { "state check", BrokenState.Truncated, 1, "is damaged (truncated or corrupt" },
        { "state check", BrokenState.Folder, 2, "is a folder, not a file" },
    };

    [Theory]
    [MemberData(nameof(ReaderCases))]
    public async Task Reader_BrokenState_OneLineNamingTheFileAndTheFixNoStackTrace(string command, string kind, int exitCode, string message)
    {
        await BrokenState.CreateHealthyAsync(StatePath);
        BrokenState.Break(StatePath, kind);

        var run = await CliRun.RunAsync([.. command.Split(' '), "--state", StatePath]);

        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}: {run.Error}");
        AssertOneCleanLine(run.Error, $"tidemark: state database {StatePath} ", message);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("token status")]
    [InlineData("state check")]
    public async Task Reader_MissingFileOrFolder_ExitsTwoNamingThePath(string command)
    {
        var missing = Path.Combine(_root, "no-folder", "state.db");

        var run = await CliRun.RunAsync([.. command.Split(' '), "--state", missing]);

        Assert.Equal(2, run.ExitCode);
        AssertOneCleanLine(run.Error, $"tidemark: no state database at {missing}: ", "run `tidemark run` first, or give --state FILE");
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    public static TheoryData<string, int, string> RunCases() => new()
    {
        { BrokenState.Garbage, 1, "is not a SQLite database (the file holds something else): `tidemark state repair --state " },
        { BrokenState.Truncated, 1, "is damaged (truncated or corrupt" },
        { BrokenState.ReadOnlyFile, 1, "cannot be written (the file is read-only" },
        { BrokenState.ReadOnlyFolder, 1, "is not writable (SQLite writes its journal files beside the database)" },
        { BrokenState.Folder, 2, "is a folder, not a file" },
        { BrokenState.NewerSchema, 1, "written by a newer Tidemark" },
    };

    [Theory]
    [MemberData(nameof(RunCases))]
    public async Task Run_BrokenState_OneLineNamingTheFileAndTheFixAndNothingPublished(string kind, int exitCode, string message)
    {
        using var scene = await fixture.NewSceneAsync();
        await BrokenState.CreateHealthyAsync(StatePath);
        BrokenState.Break(StatePath, kind);

        var run = await scene.RunAsync("--state", StatePath);

        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}: {run.Error}{run.Out}");
        AssertOneCleanLine(run.Error, $"tidemark: state database {StatePath} ", message);
        Assert.Empty(scene.Repository.PullRequests);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
    }

    [Fact]
    public async Task Run_MissingStateFolder_IsCreated()
    {
        using var scene = await fixture.NewSceneAsync();
        var state = Path.Combine(_root, "new", "deeper", "state.db");

        var run = await scene.RunAsync("--state", state);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(state));
    }

    [Fact]
    public async Task Run_StateFolderCannotBeCreated_ExitsTwoNamingTheFolder()
    {
        using var scene = await fixture.NewSceneAsync();
        Directory.CreateDirectory(_root);
        var blocker = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var state = Path.Combine(blocker, "state.db");

        var run = await scene.RunAsync("--state", state);

        Assert.True(run.ExitCode == 2, run.Error);
        AssertOneCleanLine(run.Error, $"tidemark: state database {state}: its folder {blocker} does not exist and cannot be created", "give --state a path in an existing writable folder");
    }

    [Theory]
    [InlineData(BrokenState.Garbage, "is not a SQLite database")]
    [InlineData(BrokenState.Folder, "is a folder, not a file")]
    [InlineData(BrokenState.NewerSchema, "written by a newer Tidemark")]
    public async Task Doctor_BrokenState_StateCheckFailsNamingTheFileAndTheFix(string kind, string message)
    {
        using var scene = await fixture.NewSceneAsync();
        await BrokenState.CreateHealthyAsync(StatePath);
        BrokenState.Break(StatePath, kind);

        var run = await scene.TidemarkAsync("doctor", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, "--state", StatePath);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Error}{run.Out}");
        Assert.Contains(message, run.Out, StringComparison.Ordinal);
        Assert.Contains(StatePath, run.Out, StringComparison.Ordinal);
        Assert.Contains($"tidemark state repair --state {StatePath}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"tidemark: warning: the checks were not recorded in the audit trail: state database {StatePath} ", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run.Out + run.Error);
    }

    [Fact]
    public async Task StateCheck_Healthy_ExitsZeroWithIntegrityVersionAndLeases()
    {
        await BrokenState.CreateHealthyAsync(StatePath);
        var store = await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), TimeProvider.System, new Tidemark.Credentials.Redactor(), CancellationToken.None);
        await store.Locks.TryAcquireAsync("acme/gitops", "tidemark run host elsewhere pid 1 started 1 abc", TimeSpan.FromMinutes(5), CancellationToken.None);

        var run = await CliRun.RunAsync("state", "check", "--state", StatePath);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        Assert.Contains("integrity: ok", run.Out, StringComparison.Ordinal);
        Assert.Contains($"schema: version {SqliteMigrations.Latest} (current)", run.Out, StringComparison.Ordinal);
        Assert.Contains("lease: acme/gitops held by tidemark run host elsewhere pid 1 started 1 abc until ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateCheck_NewerSchema_ExitsOneAndPointsToUpgrade()
    {
        await BrokenState.CreateHealthyAsync(StatePath);
        BrokenState.Break(StatePath, BrokenState.NewerSchema);

        var run = await CliRun.RunAsync("state", "check", "--state", StatePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("schema: version 99, written by a newer Tidemark", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run.Error);
    }

    [Theory]
    [InlineData(BrokenState.Garbage, "not a SQLite database")]
    [InlineData(BrokenState.Truncated, "damaged")]
    public async Task StateRepair_Broken_MovesItAsideKeepsItAndCreatesAHealthyOne(string kind, string why)
    {
        await BrokenState.CreateHealthyAsync(StatePath);
        BrokenState.Break(StatePath, kind);
        var broken = await File.ReadAllBytesAsync(StatePath);

        var repair = await CliRun.RunAsync("state", "repair", "--state", StatePath);
        var check = await CliRun.RunAsync("state", "check", "--state", StatePath);

        Assert.True(repair.ExitCode == 0, repair.Error);
        Assert.Contains($"moved {StatePath} ({why}) to {StatePath}.broken-", repair.Out, StringComparison.Ordinal);
        Assert.Contains("lost with the old file:", repair.Out, StringComparison.Ordinal);
        Assert.Contains("each open update pull request is found again on GitHub", repair.Out, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(StatePath)!, "state.db.broken-*"));
        Assert.Matches(@"\.broken-\d{8}T\d{6}Z$", aside);
        Assert.Equal(broken, await File.ReadAllBytesAsync(aside));
        Assert.True(check.ExitCode == 0, check.Error + check.Out);
    }

    [Fact]
    public async Task StateRepair_Healthy_RefusesWithoutForce()
    {
        await BrokenState.CreateHealthyAsync(StatePath);

        var repair = await CliRun.RunAsync("state", "repair", "--state", StatePath);

        Assert.Equal(2, repair.ExitCode);
        Assert.Contains("is healthy", repair.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(StatePath)!, "state.db.broken-*"));
    }

    [Fact]
    public async Task StateRepair_ThenRun_FindsTheOpenPullRequestAgainWithoutADuplicate()
    {
        using var scene = await fixture.NewSceneAsync();
        var first = await scene.RunAsync("--state", StatePath);
        Assert.True(first.ExitCode == 0, first.Error);
        var pull = Assert.Single(scene.Repository.PullRequests);
        var head = scene.BranchSha(RunScene.UpdateBranch);
        BrokenState.Break(StatePath, BrokenState.Garbage);
        var broken = await scene.RunAsync("--state", StatePath);
        Assert.Equal(1, broken.ExitCode);

        var repair = await CliRun.RunAsync("state", "repair", "--state", StatePath);
        var again = await scene.RunAsync("--state", StatePath);

        Assert.True(repair.ExitCode == 0, repair.Error);
        Assert.True(again.ExitCode == 0, again.Error + again.Out);
        Assert.Single(scene.Repository.PullRequests);
        Assert.Equal("open", scene.Repository.PullRequests.Single().State);
        Assert.Equal(head, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Contains($"#{pull.Number}", again.Out, StringComparison.Ordinal);
        var store = await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), TimeProvider.System, new Tidemark.Credentials.Redactor(), CancellationToken.None);
        var managed = await store.PullRequestReader.FindPullRequestAsync(scene.Repository.FullName, RunScene.UpdateBranch, CancellationToken.None);
        Assert.Equal(pull.Number, managed?.Number);
    }

    private static void AssertOneCleanLine(string stderr, string start, string message)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.Contains(message, line, StringComparison.Ordinal);
        AssertNoStackTrace(stderr);
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}

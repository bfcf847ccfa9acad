using Tidemark.Automation;
using Tidemark.Cli;
using Tidemark.Cli.Commands;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Tests.Cli;

/// <summary>One exception→exit-code map for every command: whatever command a failure comes from, the same line and code.</summary>
public sealed class CommandRunnerTests
{
    public static TheoryData<string, int, string> Failures() => new()
    {
        { "usage", 2, "tidemark: --limit 0: give a number of events of at least 1" },
        { "newer schema", 1, "tidemark: state database /srv/state.db has schema version 99, written by a newer Tidemark" },
        { "missing state", 2, "tidemark: no state database at /srv/state.db: run `tidemark run` first, or give --state FILE" },
        { "lease held", 1, "tidemark: acme/gitops is being updated by another run (run-a)" },
        { "forge", 1, "tidemark: GitHub refused the token" },
        { "no token", 1, "tidemark: no token can do this run's work" },
        { "not recorded", 1, "tidemark: error: the run pushed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task RunAsync_FailureOfAnyCommand_OneLineAndItsExitCode(string failure, int exitCode, string line)
    {
        var stderr = new StringWriter();
        var env = new CliEnvironment(new StringWriter(), stderr, TimeProvider.System, _ => null, ErrorIsTerminal: false);

        var code = await CommandRunner.RunAsync(env, () => throw Exception(failure));

        Assert.Equal(exitCode, code);
        Assert.StartsWith(line, stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    private static Exception Exception(string failure) => failure switch
    {
        "usage" => new UsageException("--limit 0: give a number of events of at least 1"),
        "newer schema" => new StateStoreException(StateStoreProblem.NewerSchema, "/srv/state.db", "99"),
        "missing state" => new StateStoreException(StateStoreProblem.Missing, "/srv/state.db"),
        "lease held" => new RepositoryLockedException("acme/gitops", "run-a", DateTimeOffset.UnixEpoch),
        "forge" => new ForgeException(ForgeErrorKind.BadCredentials, "GitHub refused the token"),
        "no token" => new NoWorkingTokenException("no token can do this run's work"),
        _ => new RunNotRecordedException(["pushed 3f2c1a0 to acme/gitops@flux-image-updates"], new StateStoreException(StateStoreProblem.Corrupt, "/srv/state.db")),
    };
}

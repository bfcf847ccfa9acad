using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Cli.Commands;
using Tidemark.Configuration;
using Tidemark.Git;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.Cli;

/// <summary>
/// The CLI's one composition root: from the process environment and a command's settings it builds the git runner, the
/// forge pool, what planning needs (Docker's config, the registry client's clock and redactor) and the state store, with
/// one set of defaults — the work directory (<see cref="RunSettings.WorkDirectory"/>), the state location
/// (<see cref="StateLocation"/>), the git executable. Commands parse, ask it for their services, call the library, render.
/// </summary>
internal sealed class Composition(CliEnvironment env, ILoggerFactory? logging = null)
{
    private readonly ILoggerFactory logging = logging ?? NullLoggerFactory.Instance;

    /// <summary>What <see cref="AutomationRun"/> (and doctor) take from the CLI: progress to <paramref name="report"/>, git under the work directory, the state store at the one location.</summary>
    public RunHost RunHost(RunSettings settings, IRunReport report)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RunHost(env.Time, env.Variable, env.Redactor, logging, report, env.DockerConfigPath(), GitRunner(settings.WorkDirectory),
            ct => OpenStateAsync(settings.State, ct), Forges);
    }

    public PlanningHost Planning() => new(env.Time, logging, env.Redactor, env.DockerConfigPath());

    /// <summary>A forge per token for one repository (GitHub; the API URL as given or inferred from the repository's host).</summary>
    public ForgePool Forges(Uri apiUrl, RunTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ForgePool(env.Time, logging, apiUrl, target.Owner, target.Name);
    }

    /// <summary>Git with its own home in the work directory (no user or system configuration), the executable from <c>TIDEMARK_GIT</c> or PATH.</summary>
    public GitRunner GitRunner(string workDir) =>
        new(new GitRunnerOptions(Path.Combine(workDir, ".home"), GitExecutable()), env.Redactor, logging.CreateLogger<GitRunner>());

    /// <summary>
    /// The state store's location for <c>--state</c> <paramref name="given"/> (see <see cref="StateLocation"/>): a SQLite
    /// file's full path, or a PostgreSQL connection string, checked at once (bad input is exit 2) and its password
    /// registered with the redactor so no message shows it.
    /// </summary>
    public string StatePath(string? given)
    {
        var location = StateLocation.Resolve(given, env.Variable);
        if (PostgresConnectionString.Recognises(location))
        {
            PostgresConnectionString.Parse(location, env.Redactor);
        }

        return location;
    }

    /// <summary>The store as messages may name it: the file's path, or the PostgreSQL URL without its password.</summary>
    public string StateDisplay(string location) =>
        PostgresConnectionString.Recognises(location) ? PostgresConnectionString.Parse(location, env.Redactor).Display : location;

    /// <summary>Opens (creating if need be) the state store: for commands that record (run, doctor). A connection string opens the PostgreSQL store.</summary>
    public async Task<StateStore> OpenStateAsync(string? given, CancellationToken cancellationToken) =>
        StatePath(given) is var location && PostgresConnectionString.Recognises(location)
            ? await PostgresStateStore.OpenAsync(new PostgresStateOptions(location), env.Time, env.Redactor, cancellationToken).ConfigureAwait(false)
            : await SqliteStateStore.OpenAsync(new SqliteStateOptions(location), env.Time, env.Redactor, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Opens an existing state store: for commands that read what runs wrote (audit, token status); a missing SQLite file
    /// is bad input (a PostgreSQL database is opened, its schema brought up to date).
    /// </summary>
    public async Task<StateStore> OpenExistingStateAsync(string? given, CancellationToken cancellationToken) =>
        StatePath(given) is var location && PostgresConnectionString.Recognises(location)
            ? await PostgresStateStore.OpenAsync(new PostgresStateOptions(location), env.Time, env.Redactor, cancellationToken).ConfigureAwait(false)
            : await SqliteStateStore.OpenExistingAsync(new SqliteStateOptions(location), env.Time, env.Redactor, cancellationToken).ConfigureAwait(false);

    /// <summary><c>state check</c>: SQLite's integrity check of the file, or (PostgreSQL checking its own pages) the schema version and the leases held.</summary>
    public async Task<StateHealth> CheckStateAsync(string? given, CancellationToken cancellationToken)
    {
        var location = StatePath(given);
        if (!PostgresConnectionString.Recognises(location))
        {
            return await new SqliteDatabase(new SqliteStateOptions(location), env.Time).CheckAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var database = new PostgresDatabase(PostgresConnectionString.Parse(location, env.Redactor), env.Time, env.Redactor);
        return await database.CheckAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The git executable: <c>TIDEMARK_GIT</c> when set (an absolute path, e.g. a wrapper that logs or a git outside
    /// PATH), else <c>git</c> as PATH finds it.
    /// </summary>
    public string GitExecutable()
    {
        if (env.Variable("TIDEMARK_GIT") is not { Length: > 0 } path)
        {
            return "git";
        }

        return Path.IsPathFullyQualified(path) && File.Exists(path)
            ? path
            : throw new ConfigurationException($"TIDEMARK_GIT={path}: no such file; set it to the absolute path of a git executable, or unset it to use git from PATH");
    }
}

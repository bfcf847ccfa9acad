using System.CommandLine;
using Tidemark.Configuration;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark state check</c> (SQLite's integrity_check, the schema version, the lease holders; exit 0 when healthy)
/// and <c>tidemark state repair</c> (the broken file moved aside to <c>PATH.broken-YYYYMMDDTHHMMSSZ</c>, a new one
/// created; the pull-request state is rebuilt from the repository and GitHub on the next run).
/// </summary>
internal static class StateCommand
{
    public static Command Create(CliEnvironment env) => new("state", "Check the state database, or move a broken one aside and start a new one")
    {
        Check(env),
        Repair(env),
    };

    private static Command Check(CliEnvironment env)
    {
        var state = CommonOptions.State();
        var command = new Command("check", "Check the state database: SQLite's integrity check, the schema version, who holds a repository lease (exit 0 when healthy, 1 when not)")
        {
            state,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var health = await new Composition(env).CheckStateAsync(parse.GetValue(state), cancellationToken).ConfigureAwait(false);
            await WriteAsync(env, health).ConfigureAwait(false);
            return health.Healthy ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    private static async Task WriteAsync(CliEnvironment env, StateHealth health)
    {
        await env.Out.WriteLineAsync($"state database: {health.Path}").ConfigureAwait(false);
        await env.Out.WriteLineAsync(health.Problems.Count == 0 ? "integrity: ok" : $"integrity: {health.Problems.Count} problem(s)").ConfigureAwait(false);
        foreach (var problem in health.Problems)
        {
            await env.Out.WriteLineAsync($"  {problem}").ConfigureAwait(false);
        }

        await env.Out.WriteLineAsync(health.SchemaKnown
            ? $"schema: version {health.SchemaVersion}{(health.SchemaVersion < SqliteMigrations.Latest ? $" (the next run migrates it to {SqliteMigrations.Latest})" : " (current)")}"
            : $"schema: version {health.SchemaVersion}, written by a newer Tidemark (this one knows up to {SqliteMigrations.Latest}): upgrade Tidemark").ConfigureAwait(false);
        if (health.Leases.Count == 0)
        {
            await env.Out.WriteLineAsync("leases: none").ConfigureAwait(false);
        }

        foreach (var lease in health.Leases)
        {
            var dead = LeaseOwner.IsProvablyDead(lease.Owner) ? "; its process has exited, the next run takes it over" : "";
            await env.Out.WriteLineAsync($"lease: {lease.Repository} held by {lease.Owner} until {lease.ExpiresAt:u}{dead}").ConfigureAwait(false);
        }

        if (!health.Healthy)
        {
            await env.Error.WriteLineAsync($"tidemark: state database {health.Path} is not healthy: run `tidemark state repair --state {health.Path}` to move it aside and start a new one").ConfigureAwait(false);
        }
    }

    private static Command Repair(CliEnvironment env)
    {
        var state = CommonOptions.State();
        var force = new Option<bool>("--force") { Description = "Also start over when the check finds the database healthy" };
        var command = new Command("repair", "Move a broken state database aside (PATH.broken-YYYYMMDDTHHMMSSZ, never deleted) and create a new one; the next run rebuilds the pull-request state")
        {
            state, force,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var composition = new Composition(env);
            var path = composition.StatePath(parse.GetValue(state));
            if (PostgresConnectionString.Recognises(path))
            {
                throw new UsageException($"state repair moves a broken SQLite file aside; {composition.StateDisplay(path)} is a PostgreSQL database, which the server keeps intact: use `tidemark state check` and the server's own tools (pg_dump, a new database) instead");
            }

            var database = new SqliteDatabase(new SqliteStateOptions(path), env.Time);
            string why;
            try
            {
                var health = await database.CheckAsync(cancellationToken).ConfigureAwait(false);
                if (health.Problems.Count == 0 && !parse.GetValue(force))
                {
                    throw new UsageException(health.SchemaKnown
                        ? $"state database {path} is healthy (`tidemark state check --state {path}`); nothing repaired — give --force to start a new one anyway"
                        : $"state database {path} is intact but written by a newer Tidemark (schema version {health.SchemaVersion}): upgrade Tidemark; nothing repaired — give --force to start a new one anyway");
                }

                why = health.Problems.Count > 0 ? $"{health.Problems.Count} integrity problem(s)" : "--force";
            }
            catch (StateStoreException e) when (e.Kind is StateStoreProblem.NotADatabase or StateStoreProblem.Corrupt or StateStoreProblem.Failed)
            {
                why = e.Kind == StateStoreProblem.NotADatabase ? "not a SQLite database" : "damaged";
            }

            var aside = SqliteStateRepair.MoveAside(path, env.Time.GetUtcNow());
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"moved {path} ({why}) to {aside}; it is kept, not deleted").ConfigureAwait(false);
            await env.Out.WriteLineAsync($"created a new state database at {path}").ConfigureAwait(false);
            await env.Out.WriteLineAsync("lost with the old file: the run history and decisions, the audit trail, the tag cache, the token ledger (first use, expiry warnings already commented, rotations) and any repository lease").ConfigureAwait(false);
            await env.Out.WriteLineAsync("rebuilt on the next `tidemark run`: each open update pull request is found again on GitHub by its branch and recorded (no duplicate is opened); tags are listed again").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}

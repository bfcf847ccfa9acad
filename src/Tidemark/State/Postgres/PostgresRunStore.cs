using Npgsql;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State.Postgres;

/// <summary>Runs and decisions in PostgreSQL. Every text is redacted before it is written.</summary>
internal sealed class PostgresRunStore(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor) : IRunWriter, IRunReader
{
    private const string RunColumns = "id, repository, trigger, started_at, ended_at, outcome, reference_count, change_count, error_count, run_id";

    public Task<long> StartRunAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return database.UseAsync(async connection =>
        {
            var ids = await QueryAsync(connection, "INSERT INTO runs (repository, trigger, started_at, run_id) VALUES (@r, @t, @at, @run) RETURNING id", r => r.GetInt64(0),
                cancellationToken, ("r", redactor.Redact(start.Repository)), ("t", redactor.Redact(start.Trigger)), ("at", time.GetUtcNow().ToUnixTimeMilliseconds()),
                ("run", Redact(start.RunId))).ConfigureAwait(false);
            return ids[0];
        }, cancellationToken);
    }

    public Task EndRunAsync(long runId, RunEnd end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(end);
        return database.UseAsync(connection => ExecuteAsync(connection,
            "UPDATE runs SET ended_at = @at, outcome = @o, reference_count = @rc, change_count = @cc, error_count = @ec WHERE id = @id",
            cancellationToken, ("at", time.GetUtcNow().ToUnixTimeMilliseconds()), ("o", redactor.Redact(end.Outcome)),
            ("rc", end.References), ("cc", end.Changes), ("ec", end.Errors), ("id", runId)), cancellationToken);
    }

    public Task RecordDecisionsAsync(long runId, IReadOnlyList<DecisionRecord> decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return database.InTransactionAsync(async connection =>
        {
            foreach (var d in decisions)
            {
                await ExecuteAsync(connection, "INSERT INTO decisions (run_id, image, from_tag, to_tag, policy, reason) VALUES (@run, @i, @f, @t, @p, @r)",
                    cancellationToken, ("run", runId), ("i", redactor.Redact(d.Image)), ("f", Redact(d.From)), ("t", Redact(d.To)),
                    ("p", redactor.Redact(d.Policy)), ("r", redactor.Redact(d.Reason))).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    public Task<RunRecord?> GetRunAsync(long runId, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {RunColumns} FROM runs WHERE id = @id", ReadRun, cancellationToken, ("id", runId)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string repository, int limit, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<RunRecord>>(async connection =>
            await QueryAsync(connection, $"SELECT {RunColumns} FROM runs WHERE repository = @r ORDER BY id DESC LIMIT @limit", ReadRun,
                cancellationToken, ("r", repository), ("limit", limit)).ConfigureAwait(false), cancellationToken);

    public Task<IReadOnlyList<DecisionRecord>> ListDecisionsAsync(long runId, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<DecisionRecord>>(async connection =>
            await QueryAsync(connection, "SELECT image, from_tag, to_tag, policy, reason FROM decisions WHERE run_id = @run ORDER BY id",
                r => new DecisionRecord(r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetString(3), r.GetString(4)),
                cancellationToken, ("run", runId)).ConfigureAwait(false), cancellationToken);

    private string? Redact(string? text) => text is null ? null : redactor.Redact(text);

}

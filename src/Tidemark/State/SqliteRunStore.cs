using Microsoft.Data.Sqlite;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>Runs and decisions in SQLite. Every text is redacted before it is written.</summary>
internal sealed class SqliteRunStore : IRunWriter, IRunReader
{
    private const string RunColumns = "id, repository, trigger, started_at, ended_at, outcome, reference_count, change_count, error_count, run_id";
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISecretRedactor _redactor;

    public SqliteRunStore(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor)
    {
        _database = database;
        _time = time;
        _redactor = redactor;
    }

    public async Task<long> StartRunAsync(RunStart start, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            await using var command = Create(connection, "INSERT INTO runs (repository, trigger, started_at, run_id) VALUES ($r, $t, $at, $run) RETURNING id",
                ("$r", _redactor.Redact(start.Repository)), ("$t", _redactor.Redact(start.Trigger)), ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("$run", Redact(start.RunId)));
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task EndRunAsync(long runId, RunEnd end, CancellationToken cancellationToken)
    {
        await _database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, "UPDATE runs SET ended_at = $at, outcome = $o, reference_count = $rc, change_count = $cc, error_count = $ec WHERE id = $id",
                cancellationToken, ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("$o", _redactor.Redact(end.Outcome)),
                ("$rc", end.References), ("$cc", end.Changes), ("$ec", end.Errors), ("$id", runId)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordDecisionsAsync(long runId, IReadOnlyList<DecisionRecord> decisions, CancellationToken cancellationToken)
    {
        await _database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var d in decisions)
            {
                await ExecuteAsync(connection, "INSERT INTO decisions (run_id, image, from_tag, to_tag, policy, reason) VALUES ($run, $i, $f, $t, $p, $r)",
                    cancellationToken, ("$run", runId), ("$i", _redactor.Redact(d.Image)), ("$f", Redact(d.From)), ("$t", Redact(d.To)),
                    ("$p", _redactor.Redact(d.Policy)), ("$r", _redactor.Redact(d.Reason))).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunRecord?> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {RunColumns} FROM runs WHERE id = $id", ReadRun, cancellationToken, ("$id", runId)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(string repository, int limit, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            return await QueryAsync(connection, $"SELECT {RunColumns} FROM runs WHERE repository = $r ORDER BY id DESC LIMIT $limit", ReadRun,
                cancellationToken, ("$r", repository), ("$limit", limit)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DecisionRecord>> ListDecisionsAsync(long runId, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            return await QueryAsync(connection, "SELECT image, from_tag, to_tag, policy, reason FROM decisions WHERE run_id = $run ORDER BY id",
                r => new DecisionRecord(r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetString(3), r.GetString(4)),
                cancellationToken, ("$run", runId)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private string? Redact(string? text) => text is null ? null : _redactor.Redact(text);

}

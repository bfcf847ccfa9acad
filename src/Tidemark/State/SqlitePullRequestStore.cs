using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>Managed pull requests in SQLite; the target set is a JSON object image → tag.</summary>
internal sealed class SqlitePullRequestStore : IPullRequestWriter, IPullRequestReader
{
    private const string Columns = "repository, update_branch, number, url, state, targets, closed_by_person, last_pushed_sha, updated_at";
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISecretRedactor _redactor;

    public SqlitePullRequestStore(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor)
    {
        _database = database;
        _time = time;
        _redactor = redactor;
    }

    public async Task SavePullRequestAsync(ManagedPullRequest pullRequest, CancellationToken cancellationToken)
    {
        var p = pullRequest;
        var targets = _redactor.Redact(JsonSerializer.Serialize(new SortedDictionary<string, string>(p.Targets.ToDictionary(), StringComparer.Ordinal)));
        await _database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, $"INSERT OR REPLACE INTO pull_requests ({Columns}) VALUES ($r, $b, $n, $u, $s, $t, $c, $sha, $at)",
                cancellationToken, ("$r", _redactor.Redact(p.Repository)), ("$b", _redactor.Redact(p.UpdateBranch)), ("$n", p.Number),
                ("$u", p.Url is null ? null : _redactor.Redact(p.Url)), ("$s", p.State.ToString()), ("$t", targets),
                ("$c", p.ClosedByPersonWithoutMerge ? 1 : 0), ("$sha", p.LastPushedSha is null ? null : _redactor.Redact(p.LastPushedSha)),
                ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ManagedPullRequest?> FindPullRequestAsync(string repository, string updateBranch, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {Columns} FROM pull_requests WHERE repository = $r AND update_branch = $b",
                ReadPullRequest, cancellationToken, ("$r", repository), ("$b", updateBranch)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ManagedPullRequest>> ListPullRequestsAsync(string repository, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            return await QueryAsync(connection, $"SELECT {Columns} FROM pull_requests WHERE repository = $r ORDER BY update_branch",
                ReadPullRequest, cancellationToken, ("$r", repository)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

}

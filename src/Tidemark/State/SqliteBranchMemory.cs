using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>
/// What runs remember of each update branch, in SQLite: pushed commits, pull-request closures, announcements. Keyed by
/// repository and branch (a closure by repository and number), stamped with the injected clock, every text redacted.
/// </summary>
internal sealed class SqliteBranchMemory(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor)
    : IPushedCommitWriter, IPushedCommitReader, IPullRequestClosureWriter, IPullRequestClosureReader, IAnnouncementWriter, IAnnouncementReader
{
    public async Task RecordPushedCommitAsync(PushedCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, """
                INSERT INTO pushed_commits (repository, branch, sha, run_id, at) VALUES ($r, $b, $sha, $run, $at)
                ON CONFLICT (repository, branch, sha) DO NOTHING
                """, cancellationToken, ("$r", redactor.Redact(commit.Repository)), ("$b", redactor.Redact(commit.Branch)), ("$sha", redactor.Redact(commit.Sha)),
                ("$run", commit.RunId is null ? null : redactor.Redact(commit.RunId)), ("$at", Now)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PushedCommit>> ListPushedCommitsAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            return await QueryAsync(connection, "SELECT repository, branch, sha, run_id, at FROM pushed_commits WHERE repository = $r AND branch = $b ORDER BY at DESC, sha",
                r => new PushedCommit(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3)) { At = Time(r, 4) },
                cancellationToken, ("$r", repository), ("$b", branch)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryRecordClosureAsync(PullRequestClosure closure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closure);
        return await database.UseAsync(async connection =>
        {
            var inserted = await ExecuteAsync(connection, """
                INSERT INTO pull_request_closures (repository, number, branch, closed_by, at, reason) VALUES ($r, $n, $b, $by, $at, $why)
                ON CONFLICT (repository, number) DO NOTHING
                """, cancellationToken, ("$r", redactor.Redact(closure.Repository)), ("$n", closure.Number), ("$b", redactor.Redact(closure.Branch)),
                ("$by", Name(closure.ClosedBy)), ("$at", Now), ("$why", redactor.Redact(closure.Reason))).ConfigureAwait(false);
            return inserted == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PullRequestClosure?> FindClosureAsync(string repository, int number, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT repository, branch, number, closed_by, reason, at FROM pull_request_closures WHERE repository = $r AND number = $n",
                ReadClosure, cancellationToken, ("$r", repository), ("$n", number)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PullRequestClosure>> ListClosuresAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            return await QueryAsync(connection, "SELECT repository, branch, number, closed_by, reason, at FROM pull_request_closures WHERE repository = $r AND branch = $b ORDER BY at DESC, number DESC",
                ReadClosure, cancellationToken, ("$r", repository), ("$b", branch)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryRecordAnnouncementAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return await database.UseAsync(async connection =>
        {
            var inserted = await ExecuteAsync(connection, """
                INSERT INTO announcements (repository, branch, kind, key, at) VALUES ($r, $b, $k, $key, $at)
                ON CONFLICT (repository, branch, kind, key) DO NOTHING
                """, cancellationToken, ("$r", redactor.Redact(announcement.Repository)), ("$b", redactor.Redact(announcement.Branch)),
                ("$k", Name(announcement.Kind)), ("$key", redactor.Redact(announcement.Key)), ("$at", Now)).ConfigureAwait(false);
            return inserted == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> WasAnnouncedAsync(string repository, string branch, AnnouncementKind kind, string key, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT 1 FROM announcements WHERE repository = $r AND branch = $b AND kind = $k AND key = $key",
                r => r.GetInt64(0), cancellationToken, ("$r", repository), ("$b", branch), ("$k", Name(kind)), ("$key", key)).ConfigureAwait(false);
            return rows.Count > 0;
        }, cancellationToken).ConfigureAwait(false);
    }


    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

}

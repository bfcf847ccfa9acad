using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>
/// A lease row per repository. Acquiring is one atomic upsert that succeeds only when the row is absent or
/// expired, so two concurrent acquirers can never both win and a holder cannot take its own lease twice; a
/// crashed run's lease expires.
/// </summary>
internal sealed class SqliteRepositoryLock : IRepositoryLock
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISecretRedactor _redactor;
    private readonly TimeSpan _pollInterval;

    public SqliteRepositoryLock(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor, TimeSpan pollInterval)
    {
        _database = database;
        _time = time;
        _redactor = redactor;
        _pollInterval = pollInterval;
    }

    public async Task<RepositoryLease?> TryAcquireAsync(string repository, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var expires = now + lease;
        return await _database.UseAsync(async connection =>
        {
            var changed = await ExecuteAsync(connection, """
                INSERT INTO repository_locks (repository, owner, acquired_at, expires_at) VALUES ($r, $o, $now, $exp)
                ON CONFLICT (repository) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                WHERE repository_locks.expires_at <= excluded.acquired_at
                """, cancellationToken, ("$r", _redactor.Redact(repository)), ("$o", _redactor.Redact(owner)),
                ("$now", now.ToUnixTimeMilliseconds()), ("$exp", expires.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            if (changed == 0 && await TakeOverFromDeadHolderAsync(connection, repository, owner, now, expires, cancellationToken).ConfigureAwait(false))
            {
                changed = 1;
            }
            return changed == 1 ? new RepositoryLease(repository, owner, DateTimeOffset.FromUnixTimeMilliseconds(expires.ToUnixTimeMilliseconds())) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A lease held by a process of this host that has died (e.g. killed with SIGKILL) is taken over at once, by a
    /// compare-and-swap on its owner, instead of making every rerun wait for the lease to expire.
    /// </summary>
    private async Task<bool> TakeOverFromDeadHolderAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string repository, string owner, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var holders = await QueryAsync(connection, "SELECT owner FROM repository_locks WHERE repository = $r", r => r.GetString(0), cancellationToken,
            ("$r", _redactor.Redact(repository))).ConfigureAwait(false);
        if (holders.SingleOrDefault() is not { } holder || !LeaseOwner.IsProvablyDead(holder))
        {
            return false;
        }
        var changed = await ExecuteAsync(connection, """
            UPDATE repository_locks SET owner = $o, acquired_at = $now, expires_at = $exp WHERE repository = $r AND owner = $old
            """, cancellationToken, ("$r", _redactor.Redact(repository)), ("$o", _redactor.Redact(owner)), ("$old", holder),
            ("$now", now.ToUnixTimeMilliseconds()), ("$exp", expires.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<RepositoryLease> AcquireAsync(string repository, string owner, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var acquired = await TryAcquireAsync(repository, owner, lease, cancellationToken).ConfigureAwait(false);
            if (acquired is not null)
            {
                return acquired;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                var holder = await HolderAsync(repository, cancellationToken).ConfigureAwait(false);
                throw new RepositoryLockedException(repository, holder?.Owner ?? "unknown", holder?.ExpiresAt ?? deadline);
            }

            await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ReleaseAsync(RepositoryLease lease, CancellationToken cancellationToken)
    {
        await _database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, "DELETE FROM repository_locks WHERE repository = $r AND owner = $o", cancellationToken,
                ("$r", _redactor.Redact(lease.Repository)), ("$o", _redactor.Redact(lease.Owner))).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RepositoryLease?> HolderAsync(string repository, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT owner, expires_at FROM repository_locks WHERE repository = $r",
                r => new RepositoryLease(repository, r.GetString(0), Time(r, 1)), cancellationToken, ("$r", repository)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }
}

using Npgsql;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State.Postgres;

/// <summary>
/// A lease row per repository, safe between processes on different machines. Acquiring is one
/// <c>INSERT … ON CONFLICT DO UPDATE … WHERE expired</c>: PostgreSQL locks the conflicting row and evaluates
/// the condition on its latest committed version, so of two runners racing exactly one writes the row and the other
/// gets no row back — no lost update. A held lease is refused to anyone, its own holder included (no re-entry, as
/// <see cref="IRepositoryLock"/> says), so the one release frees it. The lease outlives any connection (a run does not hold one for its 15 minutes)
/// and a crashed runner's lease simply expires. Expiry is measured with Tidemark's clock, as in SQLite: runners
/// sharing a database need clocks in step (NTP), docs/state.md.
/// </summary>
internal sealed class PostgresRepositoryLock(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor, TimeSpan pollInterval) : IRepositoryLock
{
    public Task<RepositoryLease?> TryAcquireAsync(string repository, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + lease;
        return database.UseAsync(async connection =>
        {
            var changed = await ExecuteAsync(connection, """
                INSERT INTO repository_locks (repository, owner, acquired_at, expires_at) VALUES (@r, @o, @now, @exp)
                ON CONFLICT (repository) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                WHERE repository_locks.expires_at <= excluded.acquired_at
                """, cancellationToken, ("r", redactor.Redact(repository)), ("o", redactor.Redact(owner)),
                ("now", now.ToUnixTimeMilliseconds()), ("exp", expires.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            if (changed == 0 && await TakeOverFromDeadHolderAsync(connection, repository, owner, now, expires, cancellationToken).ConfigureAwait(false))
            {
                changed = 1;
            }

            return changed == 1 ? new RepositoryLease(repository, owner, DateTimeOffset.FromUnixTimeMilliseconds(expires.ToUnixTimeMilliseconds())) : null;
        }, cancellationToken);
    }

    public async Task<RepositoryLease> AcquireAsync(string repository, string owner, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var acquired = await TryAcquireAsync(repository, owner, lease, cancellationToken).ConfigureAwait(false);
            if (acquired is not null)
            {
                return acquired;
            }

            if (time.GetUtcNow() >= deadline)
            {
                var holder = await HolderAsync(repository, cancellationToken).ConfigureAwait(false);
                throw new RepositoryLockedException(repository, holder?.Owner ?? "unknown", holder?.ExpiresAt ?? deadline);
            }

            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task ReleaseAsync(RepositoryLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return database.UseAsync(connection => ExecuteAsync(connection, "DELETE FROM repository_locks WHERE repository = @r AND owner = @o", cancellationToken,
            ("r", redactor.Redact(lease.Repository)), ("o", redactor.Redact(lease.Owner))), cancellationToken);
    }

    /// <summary>A lease held by a dead process of this host is taken over at once, by a compare-and-swap on its owner.</summary>
    private async Task<bool> TakeOverFromDeadHolderAsync(NpgsqlConnection connection, string repository, string owner, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var holders = await QueryAsync(connection, "SELECT owner FROM repository_locks WHERE repository = @r", r => r.GetString(0), cancellationToken,
            ("r", redactor.Redact(repository))).ConfigureAwait(false);
        if (holders.SingleOrDefault() is not { } holder || !LeaseOwner.IsProvablyDead(holder))
        {
            return false;
        }

        var changed = await ExecuteAsync(connection, "UPDATE repository_locks SET owner = @o, acquired_at = @now, expires_at = @exp WHERE repository = @r AND owner = @old",
            cancellationToken, ("r", redactor.Redact(repository)), ("o", redactor.Redact(owner)), ("old", holder),
            ("now", now.ToUnixTimeMilliseconds()), ("exp", expires.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return changed == 1;
    }

    private Task<RepositoryLease?> HolderAsync(string repository, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT owner, expires_at FROM repository_locks WHERE repository = @r",
                r => new RepositoryLease(repository, r.GetString(0), Time(r, 1)), cancellationToken, ("r", repository)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken);
}

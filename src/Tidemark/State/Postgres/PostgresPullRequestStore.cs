using System.Text.Json;
using Npgsql;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State.Postgres;

/// <summary>Managed pull requests in PostgreSQL; the target set is a JSON object image → tag, as in SQLite.</summary>
internal sealed class PostgresPullRequestStore(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor) : IPullRequestWriter, IPullRequestReader
{
    private const string Columns = "repository, update_branch, number, url, state, targets, closed_by_person, last_pushed_sha, updated_at";

    public Task SavePullRequestAsync(ManagedPullRequest pullRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        var p = pullRequest;
        var targets = redactor.Redact(JsonSerializer.Serialize(new SortedDictionary<string, string>(p.Targets.ToDictionary(), StringComparer.Ordinal)));
        return database.UseAsync(connection => ExecuteAsync(connection, $"""
            INSERT INTO pull_requests ({Columns}) VALUES (@r, @b, @n, @u, @s, @t, @c, @sha, @at)
            ON CONFLICT (repository, update_branch) DO UPDATE SET number = excluded.number, url = excluded.url, state = excluded.state,
                targets = excluded.targets, closed_by_person = excluded.closed_by_person, last_pushed_sha = excluded.last_pushed_sha, updated_at = excluded.updated_at
            """, cancellationToken, ("r", redactor.Redact(p.Repository)), ("b", redactor.Redact(p.UpdateBranch)), ("n", p.Number),
            ("u", p.Url is null ? null : redactor.Redact(p.Url)), ("s", p.State.ToString()), ("t", targets),
            ("c", p.ClosedByPersonWithoutMerge), ("sha", p.LastPushedSha is null ? null : redactor.Redact(p.LastPushedSha)),
            ("at", time.GetUtcNow().ToUnixTimeMilliseconds())), cancellationToken);
    }

    public Task<ManagedPullRequest?> FindPullRequestAsync(string repository, string updateBranch, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {Columns} FROM pull_requests WHERE repository = @r AND update_branch = @b",
                ReadPullRequest, cancellationToken, ("r", repository), ("b", updateBranch)).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<ManagedPullRequest>> ListPullRequestsAsync(string repository, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<ManagedPullRequest>>(async connection =>
            await QueryAsync(connection, $"SELECT {Columns} FROM pull_requests WHERE repository = @r ORDER BY update_branch COLLATE \"C\"",
                ReadPullRequest, cancellationToken, ("r", repository)).ConfigureAwait(false), cancellationToken);

}

using System.Data.Common;
using System.Text.Json;

namespace Tidemark.State;

/// <summary>
/// Small helpers so each store reads as its SQL, for both backends (parameters named as the backend's provider wants
/// them: <c>$name</c> for SQLite, <c>name</c> for PostgreSQL's <c>@name</c>); and the row readers both backends share,
/// since their queries select the same columns in the same order.
/// </summary>
internal static class DbCommands
{
    public static DbCommand Create(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var command = Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    /// <summary>How an enum value is stored (<c>ClosedBy.Person</c> → <c>person</c>), by both backends.</summary>
    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>A <c>runs</c> row: id, repository, trigger, started_at, ended_at, outcome, changes, failures, skipped, …</summary>
    public static RunRecord ReadRun(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Time(r, 3), NullableTime(r, 4), NullableString(r, 5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), NullableString(r, 9));

    /// <summary>A <c>tokens</c> row without its action counts (read separately).</summary>
    public static TokenRecord ReadToken(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), NullableTime(r, 5), Time(r, 6), Time(r, 7), new Dictionary<string, int>());

    /// <summary>A <c>pull_requests</c> row (the closed-by-person flag is an integer in SQLite, a boolean in PostgreSQL: both read as a boolean).</summary>
    public static ManagedPullRequest ReadPullRequest(DbDataReader r)
    {
        var targets = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(5)) ?? [];
        return new ManagedPullRequest(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), NullableString(r, 3),
            Enum.Parse<PullRequestState>(r.GetString(4)), targets, r.GetBoolean(6), NullableString(r, 7))
        {
            UpdatedAt = Time(r, 8),
        };
    }

    /// <summary>A <c>pull_request_closures</c> row.</summary>
    public static PullRequestClosure ReadClosure(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), Enum.Parse<ClosedBy>(r.GetString(3), ignoreCase: true), r.GetString(4)) { At = Time(r, 5) };
}

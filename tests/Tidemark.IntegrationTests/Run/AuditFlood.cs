using Microsoft.Data.Sqlite;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// Writes many audit events of OTHER repositories straight into a state database (one transaction), as a store
/// shared by many repositories holds them: pushes, closes, "paused" comments, fetches. Nothing may decide from them.
/// </summary>
internal static class AuditFlood
{
    private static readonly (string Action, string Detail)[] Kinds =
    [
        ("git.push", "0123456789abcdef0123456789abcdef01234567 (lease new branch)"),
        ("pr.close", "stale: the base already has the updates"),
        ("pr.comment", "paused: 0123456 by Someone <someone@example.com> \"edit\""),
        ("git.fetch", "main 0123456, flux-image-updates absent"),
    ];

    public static async Task WriteAsync(string statePath, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={statePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_events (at, token_fingerprint, action, target, outcome, detail) VALUES ($at, $f, $a, $t, 'ok', $d)";
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        var fingerprint = command.Parameters.Add("$f", SqliteType.Text);
        var action = command.Parameters.Add("$a", SqliteType.Text);
        var target = command.Parameters.Add("$t", SqliteType.Text);
        var detail = command.Parameters.Add("$d", SqliteType.Text);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            var (name, text) = Kinds[i % Kinds.Length];
            var repository = $"other/repo-{i % 97}";
            at.Value = now + 1;
            fingerprint.Value = "classic …flood #000000";
            action.Value = name;
            target.Value = name switch
            {
                "git.push" => repository + "@flux-image-updates",
                "pr.close" or "pr.comment" => $"{repository}#{1 + (i % 5)}",
                _ => repository,
            };
            detail.Value = text;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}

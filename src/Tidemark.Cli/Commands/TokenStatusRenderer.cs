using System.Globalization;

namespace Tidemark.Cli.Commands;

/// <summary>The table of <c>tidemark token status</c>: one row per token, then the rotation.</summary>
internal static class TokenStatusRenderer
{
    public static async Task WriteAsync(TextWriter writer, TokenStatus status)
    {
        if (status.Tokens.Count == 0)
        {
            await writer.WriteLineAsync($"No token use recorded in {status.StateFile} yet (tidemark run records each token it uses).").ConfigureAwait(false);
            return;
        }

        string[] header = ["TOKEN", "ROLE", "EXPIRES", "DAYS LEFT", "FIRST USE", "LAST USE", "USED FOR"];
        var rows = status.Tokens.Select(t => new[]
        {
            t.Fingerprint,
            t.Role,
            t.ExpiresAt is { } at ? Date(at) : "unknown",
            t.Expiry == "expired" ? "expired" : t.DaysLeft?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Stamp(t.FirstUsedAt),
            Stamp(t.LastUsedAt),
            t.UsedFor.Count == 0 ? "-" : string.Join(", ", t.UsedFor.Select(a => $"{a.Key} {a.Value}")),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        await writer.WriteLineAsync(Line(header, widths)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(Line(row, widths)).ConfigureAwait(false);
        }

        await writer.WriteLineAsync().ConfigureAwait(false);
        foreach (var token in status.Tokens)
        {
            await writer.WriteLineAsync($"{token.Fingerprint}: {token.Kind} token from {token.Source}, for {token.Repository}").ConfigureAwait(false);
            if (token.Notice is not null)
            {
                await writer.WriteLineAsync($"  {(token.Expiry == "expired" ? "error" : "warning")}: {token.Notice}").ConfigureAwait(false);
            }
        }

        if (status.Rotation is { } rotation)
        {
            await writer.WriteLineAsync().ConfigureAwait(false);
            await writer.WriteLineAsync($"Rotation ({rotation.State}): {rotation.Message}").ConfigureAwait(false);
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

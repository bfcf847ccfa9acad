using System.Globalization;
using Spectre.Console;
using Tidemark.State;

namespace Tidemark.Cli.Rendering;

/// <summary>Renders <c>tidemark audit</c>: a table (time in UTC, action, outcome, token, target, detail, run) or the JSON array of <see cref="AuditJson"/>.</summary>
internal static class AuditRenderer
{
    public static Task WriteAsync(TextWriter writer, IReadOnlyList<AuditRecord> records, string format)
    {
        var rows = records.Select(r => new AuditJson(r.Id, Time(r.At), r.Action.Name, r.Target, r.Outcome.Name, r.TokenFingerprint, r.Detail, r.RunId)).ToList();
        if (format == "json")
        {
            return JsonOutput.WriteAsync(writer, rows);
        }

        var console = Consoles.For(writer);
        if (rows.Count == 0)
        {
            console.WriteLine("no audit events match");
            return Task.CompletedTask;
        }

        var table = new TextTable(null, "TIME (UTC)", "ACTION", "OUTCOME", "TOKEN", "TARGET", "DETAIL", "RUN");
        foreach (var row in rows)
        {
            table.AddRow(row.Time, row.Action, row.Outcome, row.Token ?? "-", row.Target, row.Detail, row.Run ?? "-");
        }

        table.Write(writer);
        console.WriteLine($"{rows.Count} event(s), newest first");
        return Task.CompletedTask;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

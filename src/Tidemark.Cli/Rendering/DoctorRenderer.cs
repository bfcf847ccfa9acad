using Tidemark.Doctor;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// The doctor's report: a table (check, status ✔ ✖ ! -, message, and the fix under anything not ok), then one summary
/// line per capability with the most actionable fix first; or the same as JSON (<see cref="DoctorJson"/>).
/// </summary>
internal static class DoctorRenderer
{
    public static async Task WriteAsync(TextWriter writer, DoctorReport report, string output, string command, string repository, string? token)
    {
        if (output == "json")
        {
            await JsonOutput.WriteAsync(writer, DoctorJson.From(report, command, repository, token)).ConfigureAwait(false);
            return;
        }

        var width = Math.Max("CHECK".Length, report.Checks.Max(c => c.Check.Length)) + 2;
        await writer.WriteLineAsync($"{"CHECK".PadRight(width)}STATUS  MESSAGE").ConfigureAwait(false);
        foreach (var check in report.Checks)
        {
            var name = check.Check;
            foreach (var finding in check.Findings)
            {
                await writer.WriteLineAsync($"{name.PadRight(width)}{Symbol(finding.Level),-8}{finding.Message}").ConfigureAwait(false);
                if (finding.Fix is not null && finding.Level is CheckLevel.Error or CheckLevel.Warning or CheckLevel.NotProven)
                {
                    await writer.WriteLineAsync($"{"".PadRight(width + 8)}{(finding.Level == CheckLevel.NotProven ? "prove" : "fix")}: {finding.Fix}").ConfigureAwait(false);
                }

                name = "";
            }
        }

        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync("SUMMARY").ConfigureAwait(false);
        foreach (var line in report.Summary())
        {
            var text = line.Fix is null ? Label(line.Capability) : $"{Label(line.Capability),-18}{line.Fix}";
            await writer.WriteLineAsync($"  {Symbol(line.Level)} {text}").ConfigureAwait(false);
        }

        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync(Verdict(report)).ConfigureAwait(false);
    }

    /// <summary>The last line: "All checks passed." only when every capability was proven; otherwise what failed or was not proven.</summary>
    public static string Verdict(DoctorReport report)
    {
        var errors = report.Checks.Count(c => c.Level == CheckLevel.Error);
        if (errors > 0)
        {
            return $"{errors} check{(errors == 1 ? "" : "s")} failed. Fix first: {report.FirstFix}";
        }

        var unproven = report.Summary().Where(s => s.Level is CheckLevel.NotProven or CheckLevel.Skipped).ToList();
        var notProven = unproven.Count == 0 ? "" : $" Not proven: {string.Join("; ", unproven.Select(s => $"{Label(s.Capability)} ({s.Fix?.Replace("not proven: ", "", StringComparison.Ordinal)})"))}.";
        if (report.FirstFix is { } warning)
        {
            return $"No check failed. Worth doing: {warning}{notProven}";
        }

        return unproven.Count == 0 ? "All checks passed." : "No check failed, but not everything was proven." + notProven;
    }

    public static string Symbol(CheckLevel level) => level switch
    {
        CheckLevel.Ok => "✔",
        CheckLevel.Warning => "!",
        CheckLevel.Error => "✖",
        CheckLevel.NotProven => "?",
        _ => "-",
    };

    public static string Label(Capability capability) => CapabilityLabels.Label(capability);
}

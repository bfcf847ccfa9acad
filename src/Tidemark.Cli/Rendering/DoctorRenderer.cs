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
                if (finding.Fix is not null && finding.Level is CheckLevel.Error or CheckLevel.Warning)
                {
                    await writer.WriteLineAsync($"{"".PadRight(width + 8)}fix: {finding.Fix}").ConfigureAwait(false);
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
        var errors = report.Checks.Count(c => c.Level == CheckLevel.Error);
        await writer.WriteLineAsync(report.FirstFix is { } first && errors > 0
            ? $"{errors} check{(errors == 1 ? "" : "s")} failed. Fix first: {first}"
            : report.FirstFix is { } warning ? $"No check failed. Worth doing: {warning}" : "All checks passed.").ConfigureAwait(false);
    }

    public static string Symbol(CheckLevel level) => level switch
    {
        CheckLevel.Ok => "✔",
        CheckLevel.Warning => "!",
        CheckLevel.Error => "✖",
        _ => "-",
    };

    public static string Label(Capability capability) => capability switch
    {
        Capability.Authenticate => "Authenticate",
        Capability.SeeRepository => "See repository",
        Capability.ReadBase => "Read base",
        Capability.CreatePullRequest => "Create PR",
        Capability.PushBranch => "Push branch",
        Capability.ModifyWorkflows => "Modify workflows",
        _ => "Expiry",
    };
}

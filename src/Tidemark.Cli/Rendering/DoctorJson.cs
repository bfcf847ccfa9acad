using Tidemark.Doctor;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// <c>doctor --output json</c> and <c>token check --output json</c> (schema in docs/troubleshooting.md): the repository,
/// the token's fingerprint, whether no check failed (<c>ok</c>, the exit code) and whether every capability was proven
/// (<c>proven</c>, the only "all passed"), every check with its findings, the per-capability summary and the first fix.
/// </summary>
internal sealed record DoctorJson(
    string Command,
    string Repository,
    string? Token,
    bool Ok,
    bool Proven,
    IReadOnlyList<DoctorJson.CheckJson> Checks,
    IReadOnlyList<DoctorJson.SummaryJson> Summary,
    string? FirstFix)
{
    public static DoctorJson From(DoctorReport report, string command, string repository, string? token) => new(
        command,
        repository,
        token,
        !report.HasErrors,
        report.AllProven,
        [.. report.Checks.Select(c => new CheckJson(c.Check, c.Level, c.Capabilities, [.. c.Findings.Select(f => new FindingJson(f.Level, f.Message, f.Fix))]))],
        [.. report.Summary().Select(s => new SummaryJson(s.Capability, s.Level, s.Fix))],
        report.FirstFix);

    internal sealed record CheckJson(string Name, CheckLevel Status, IReadOnlyList<Capability> Capabilities, IReadOnlyList<FindingJson> Findings);

    internal sealed record FindingJson(CheckLevel Level, string Message, string? Fix);

    internal sealed record SummaryJson(Capability Capability, CheckLevel Status, string? Fix);
}

namespace Tidemark.Doctor;

/// <summary>Every check's outcome in order, and the per-capability summary derived from them.</summary>
internal sealed record DoctorReport(IReadOnlyList<CheckOutcome> Checks)
{
    public bool HasErrors => Checks.Any(c => c.Level == CheckLevel.Error);

    /// <summary>True only when every capability of the summary was proven: no error, warning, unproven or skipped part.</summary>
    public bool AllProven => Summary().All(s => s.Level == CheckLevel.Ok);

    /// <summary>The single most actionable fix: the first error's, else the first warning's (checks run in dependency order).</summary>
    public string? FirstFix =>
        Checks.SelectMany(c => c.Findings).FirstOrDefault(f => f.Level == CheckLevel.Error)?.Fix
        ?? Checks.SelectMany(c => c.Findings).FirstOrDefault(f => f.Level == CheckLevel.Warning)?.Fix;

    public IReadOnlyList<CapabilitySummary> Summary()
    {
        var lines = new List<CapabilitySummary>();
        foreach (var capability in Enum.GetValues<Capability>())
        {
            var checks = Checks.Where(c => c.Capabilities.Contains(capability)).ToList();
            if (checks.Count == 0)
            {
                continue;
            }

            var level = Worst(checks.Select(c => c.Level).ToList());
            lines.Add(new CapabilitySummary(capability, level, level == CheckLevel.Ok ? null : Fix(checks, level)));
        }

        // the most actionable first: errors, then warnings, then what was not proven, each in check order
        return [.. lines.OrderBy(l => l.Level switch { CheckLevel.Error => 0, CheckLevel.Warning => 1, CheckLevel.NotProven => 2, CheckLevel.Skipped => 3, _ => 4 })];
    }

    /// <summary>A capability is ok only when every check that bears on it is ok: an unproven or skipped part leaves it unproven.</summary>
    private static CheckLevel Worst(IReadOnlyList<CheckLevel> levels) =>
        levels.Contains(CheckLevel.Error) ? CheckLevel.Error
        : levels.Contains(CheckLevel.Warning) ? CheckLevel.Warning
        : levels.Contains(CheckLevel.NotProven) ? CheckLevel.NotProven
        : levels.Contains(CheckLevel.Skipped) ? CheckLevel.Skipped
        : CheckLevel.Ok;

    private static string? Fix(IReadOnlyList<CheckOutcome> checks, CheckLevel level)
    {
        if (level == CheckLevel.Skipped)
        {
            var skipped = checks.First(c => c.Level == CheckLevel.Skipped);
            return $"not proven: {skipped.Check} was skipped";
        }

        var fix = checks.SelectMany(c => c.Findings).FirstOrDefault(f => f.Level == level && f.Fix is not null)?.Fix;
        return level == CheckLevel.NotProven && fix is not null ? "not proven: " + fix : fix;
    }
}

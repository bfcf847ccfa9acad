namespace Tidemark.Doctor;

/// <summary>Every check's outcome in order, and the per-capability summary derived from them.</summary>
internal sealed record DoctorReport(IReadOnlyList<CheckOutcome> Checks)
{
    public bool HasErrors => Checks.Any(c => c.Level == CheckLevel.Error);

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

            var levels = checks.Select(c => c.Level).ToList();
            var level = levels.Contains(CheckLevel.Error) ? CheckLevel.Error
                : levels.Contains(CheckLevel.Warning) ? CheckLevel.Warning
                : levels.Contains(CheckLevel.Skipped) ? CheckLevel.Skipped // a capability with an unproven part is not proven
                : CheckLevel.Ok;
            var fix = checks.SelectMany(c => c.Findings).FirstOrDefault(f => f.Level == level && f.Fix is not null)?.Fix;
            lines.Add(new CapabilitySummary(capability, level, level is CheckLevel.Error or CheckLevel.Warning ? fix : null));
        }

        // the most actionable first: errors, then warnings, each in check order
        return [.. lines.OrderBy(l => l.Level switch { CheckLevel.Error => 0, CheckLevel.Warning => 1, CheckLevel.Skipped => 2, _ => 3 })];
    }
}

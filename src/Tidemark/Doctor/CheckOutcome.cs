namespace Tidemark.Doctor;

/// <summary>What one check found, e.g. ("push-permission", [PushBranch], [Error "Cannot push to branch …"]).</summary>
internal sealed record CheckOutcome(string Check, IReadOnlyList<Capability> Capabilities, IReadOnlyList<Finding> Findings)
{
    /// <summary>The worst level among the findings (skipped only when everything was skipped).</summary>
    public CheckLevel Level =>
        Findings.Any(f => f.Level == CheckLevel.Error) ? CheckLevel.Error
        : Findings.Any(f => f.Level == CheckLevel.Warning) ? CheckLevel.Warning
        : Findings.Any(f => f.Level == CheckLevel.Ok) ? CheckLevel.Ok
        : CheckLevel.Skipped;
}

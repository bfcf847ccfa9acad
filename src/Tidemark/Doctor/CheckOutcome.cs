namespace Tidemark.Doctor;

/// <summary>What one check found, e.g. ("push-permission", [PushBranch], [Error "Cannot push to branch …"]).</summary>
internal sealed record CheckOutcome(string Check, IReadOnlyList<Capability> Capabilities, IReadOnlyList<Finding> Findings)
{
    /// <summary>The worst level among the findings: error, warning, not proven, ok; skipped only when everything was skipped.</summary>
    public CheckLevel Level =>
        Findings.Any(f => f.Level == CheckLevel.Error) ? CheckLevel.Error
        : Findings.Any(f => f.Level == CheckLevel.Warning) ? CheckLevel.Warning
        : Findings.Any(f => f.Level == CheckLevel.NotProven) ? CheckLevel.NotProven
        : Findings.Any(f => f.Level == CheckLevel.Ok) ? CheckLevel.Ok
        : CheckLevel.Skipped;

    /// <summary>True when the check's error is a refusal of the credential (see <see cref="Finding.Denied"/>).</summary>
    public bool Denied => Findings.Any(f => f.Level == CheckLevel.Error && f.Denied);
}

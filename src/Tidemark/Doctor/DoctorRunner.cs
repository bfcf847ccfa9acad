namespace Tidemark.Doctor;

/// <summary>
/// Runs checks in order. A check whose prerequisite errored (or was skipped) is skipped and says which one; a check
/// that throws becomes an error finding. Every message passes through the redactor.
/// </summary>
internal static class DoctorRunner
{
    public static async Task<DoctorReport> RunAsync(IReadOnlyList<IDoctorCheck> checks, DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(context);
        var outcomes = new List<CheckOutcome>();
        foreach (var check in checks)
        {
            var blocked = check.Requires.FirstOrDefault(r => outcomes.Any(o => o.Check == r && o.Level is CheckLevel.Error or CheckLevel.Skipped));
            IReadOnlyList<Finding> findings = blocked is not null
                ? [new Finding(CheckLevel.Skipped, $"skipped: it needs {blocked}, which did not pass")]
                : await RunOneAsync(check, context, cancellationToken).ConfigureAwait(false);
            outcomes.Add(new CheckOutcome(check.Name, check.Capabilities, [.. findings.Select(f => Redact(f, context))]));
        }

        return new DoctorReport(outcomes);
    }

    private static async Task<IReadOnlyList<Finding>> RunOneAsync(IDoctorCheck check, DoctorContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [Finding.Error($"the check failed unexpectedly: {e.Message}", "fix the cause named here and run `tidemark doctor` again")];
        }
    }

    private static Finding Redact(Finding finding, DoctorContext context) => finding with
    {
        Message = context.Redactor.Redact(finding.Message),
        Fix = finding.Fix is null ? null : context.Redactor.Redact(finding.Fix),
    };
}

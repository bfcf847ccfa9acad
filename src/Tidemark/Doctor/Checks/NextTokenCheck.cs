using Tidemark.Credentials;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// During a rotation (issue #5 §5, issue #10 §1): the next token is read, probed read-only and — from the checkout, on
/// the configured update branch — proven as <c>run</c> proves it before adopting it (push by <c>git push --dry-run</c>,
/// pull requests by a probe that creates nothing, workflows when the update paths reach them). It "works" only when it
/// proved all of that; then the rotation the state store recorded says whether the current token can be revoked now
/// (within the overlap window) or is still configured after it (a warning). No next token configured: ok.
/// </summary>
internal sealed class NextTokenCheck : IDoctorCheck
{
    public string Name => CheckNames.NextToken;

    // none of the current token's capabilities: a failing next token is an error of its own (the verdict names it), and
    // "no next token configured" must not read as a passed capability
    public IReadOnlyList<Capability> Capabilities { get; } = [];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.ApiReachability];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.ProbeNext is not { } probeNext)
        {
            return [Finding.Ok("no next token configured (no rotation in progress)")];
        }

        var report = await probeNext(context.Checkout, cancellationToken).ConfigureAwait(false);
        if (report.Error is { } error)
        {
            return [Finding.Error($"the next token cannot be read: {error.TokenSource} {error.Problem}", error.Fix)];
        }

        var next = report.Token!;
        var current = context.Token;
        if (current is not null && current.Fingerprint == next.Fingerprint)
        {
            return [Finding.Warning($"the next token ({next.Fingerprint}) is the current token", "remove nextToken (or --next-token-*) once the rotation is done; configure a new token there for the next rotation")];
        }

        if (Unproven(context, report, next) is { } unproven)
        {
            return [unproven];
        }

        var findings = new List<Finding> { Finding.Ok($"next token ({next.Fingerprint} from {next.Source}) works for {context.Settings.FullName} ({report.Proof!.Describe()})") };
        if (current is not null)
        {
            findings.Add(Rotation(context, report, current, next));
        }

        return findings;
    }

    /// <summary>Why the next token is not shown as working: refused by the read probe, lacking a capability, or not provable without a checkout.</summary>
    private static Finding? Unproven(DoctorContext context, NextTokenReport report, ResolvedToken next)
    {
        const string Keep = "runs keep using the current token, which must not be revoked";
        if (report.Probe is not { Works: true })
        {
            var reason = report.Probe?.Problem?.Message ?? "GitHub refused it";
            return Finding.Refused(
                $"the next token ({next.Fingerprint} from {next.Source}) does not work: {reason}; {Keep}",
                $"create a new token (`tidemark token new`), put it where the next token is read from ({next.Source}), and run `tidemark doctor` again — {ExpiryNotice.Guide}");
        }

        if (report.Proof is not { } proof)
        {
            return Finding.NotProven(
                $"the next token ({next.Fingerprint} from {next.Source}) can read {context.Settings.FullName}; push and pull requests not proven (the checkout did not succeed), so a run would not adopt it yet",
                "fix the checkout (see above) and run the check again");
        }

        return proof.Complete ? null : new Finding(CheckLevel.Error,
            $"the next token ({next.Fingerprint} from {next.Source}) cannot {proof.Lacking} ({proof.Reason}); `tidemark run` does not adopt it: {Keep}",
            $"{proof.Fix}, then run `tidemark token check` again", proof.Denied);
    }

    private static Finding Rotation(DoctorContext context, NextTokenReport report, ResolvedToken current, ResolvedToken next)
    {
        if (report.Rotation is { } rotation && rotation.NextFingerprint == next.Fingerprint.ToString() && rotation.CurrentFingerprint == current.Fingerprint.ToString())
        {
            var window = new RotationWindow(rotation.NextWorkedSince, rotation.Overlap, context.Time.GetUtcNow());
            var line = window.Message(current.Fingerprint.ToString(), next.Fingerprint.ToString());
            return window.WithinOverlap
                ? Finding.Ok(line)
                : Finding.Warning(line, $"revoke the current token on GitHub, make the next token the current one (token) and remove nextToken — {ExpiryNotice.Guide}");
        }

        return Finding.Ok($"`tidemark run` switches to it on its next run; from then on the current token ({current.Fingerprint}) can be revoked, within the {TimeLeft.Format(report.Overlap)} overlap window");
    }
}

using Tidemark.Credentials;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// During a rotation (issue #5 §5): the next token is read and probed read-only as <c>run</c> does (GET /rate_limit,
/// then the repository), and the rotation the state store recorded says whether the current token can be revoked now
/// (within the overlap window) or is still configured after it (a warning). No next token configured: ok.
/// </summary>
internal sealed class NextTokenCheck : IDoctorCheck
{
    public string Name => CheckNames.NextToken;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Expiry];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.ApiReachability];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.ProbeNext is not { } probeNext)
        {
            return [Finding.Ok("no next token configured (no rotation in progress)")];
        }

        var report = await probeNext(cancellationToken).ConfigureAwait(false);
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

        if (report.Probe is not { Works: true })
        {
            var reason = report.Probe?.Problem?.Message ?? "GitHub refused it";
            return [Finding.Error(
                $"the next token ({next.Fingerprint} from {next.Source}) does not work: {reason}; runs keep using the current token",
                $"create a new token (`tidemark token new`), put it where the next token is read from ({next.Source}), and run `tidemark doctor` again — {ExpiryNotice.Guide}")];
        }

        var findings = new List<Finding> { Finding.Ok($"next token ({next.Fingerprint} from {next.Source}) works for {context.Settings.FullName}") };
        if (current is null)
        {
            return findings;
        }

        if (report.Rotation is { } rotation && rotation.NextFingerprint == next.Fingerprint.ToString() && rotation.CurrentFingerprint == current.Fingerprint.ToString())
        {
            var window = new RotationWindow(rotation.NextWorkedSince, rotation.Overlap, context.Time.GetUtcNow());
            var line = window.Message(current.Fingerprint.ToString(), next.Fingerprint.ToString());
            findings.Add(window.WithinOverlap
                ? Finding.Ok(line)
                : Finding.Warning(line, $"revoke the current token on GitHub, make the next token the current one (token) and remove nextToken — {ExpiryNotice.Guide}"));
        }
        else
        {
            findings.Add(Finding.Ok($"`tidemark run` switches to it on its next run; from then on the current token ({current.Fingerprint}) can be revoked, within the {TimeLeft.Format(report.Overlap)} overlap window"));
        }

        return findings;
    }
}

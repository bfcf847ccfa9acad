using Tidemark.Credentials;

namespace Tidemark.Doctor.Checks;

/// <summary>Step 1 (no network): the secret is there and shaped like an access token.</summary>
internal sealed class TokenSourceCheck : IDoctorCheck
{
    public string Name => CheckNames.TokenSource;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [];

    public bool InTokenCheck => true;

    public Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.TokenError is { } error)
        {
            IReadOnlyList<Finding> missing = [Finding.Error($"Authentication failed: the secret is missing or malformed: {error.TokenSource} {error.Problem}", error.Fix)];
            return Task.FromResult(missing);
        }

        if (context.Token is null && context.AppError is not null)
        {
            IReadOnlyList<Finding> app = [Finding.Ok($"{context.AppSource}: the installation token is minted with the App's key (see app-mint)")];
            return Task.FromResult(app);
        }

        var token = context.Token!;
        var findings = new List<Finding> { Finding.Ok($"{token.Fingerprint} from {token.Source}") };
        findings.AddRange(token.Inspection.Findings
            .Where(f => f.Severity != TokenFindingSeverity.Error)
            .Select(f => f.Severity == TokenFindingSeverity.Warning ? Finding.Warning(f.Message, f.Fix) : Finding.Ok($"{f.Message} ({f.Fix})")));
        return Task.FromResult<IReadOnlyList<Finding>>(findings);
    }
}

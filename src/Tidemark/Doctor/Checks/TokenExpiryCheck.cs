using System.Globalization;
using Tidemark.Credentials;
using Tidemark.Forges.GitHub;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 6: <c>GitHub-Authentication-Token-Expiration</c> against the clock — warnings 14, 7 and 1 days ahead, an
/// error once past; "unknown" when GitHub reports the current time (seen for fine-grained tokens); no header: no expiry.
/// </summary>
internal sealed class TokenExpiryCheck : IDoctorCheck
{
    private const string Rotate = "rotate now: create a new token (don't regenerate the old one), deploy it alongside, verify with `tidemark doctor`, then delete the old one within 24 h";

    public string Name => CheckNames.TokenExpiry;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Expiry];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenValidity];

    public bool InTokenCheck => true;

    public Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        return Task.FromResult<IReadOnlyList<Finding>>([Judge(context)]);
    }

    private static Finding Judge(DoctorContext context)
    {
        if (context.Kind is TokenKind.Installation or TokenKind.InstallationStateless)
        {
            return context.AppMint is { } mint
                ? Finding.Ok($"App token, 1 h, minted per run — nothing to rotate (this one expires {mint.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; keep the App's private key safe and replace it if it leaks)")
                : Finding.Ok("installation tokens live one hour and are minted again; nothing to rotate");
        }

        var raw = ResponseHeaders.Get(context.ExpiryHeaders, "GitHub-Authentication-Token-Expiration");
        if (raw is null)
        {
            return Finding.Ok("the token has no expiry date: organisation policies may reject it (366-day limits); consider a 90-day token or a GitHub App");
        }

        if (ResponseHeaders.TokenExpiry(context.ExpiryHeaders) is not { } expiry)
        {
            return Finding.Ok("token expiry unknown: GitHub reported the current time instead of the expiry date; look it up in the token settings");
        }

        var left = expiry - context.Time.GetUtcNow();
        var date = expiry.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var days = (int)Math.Floor(left.TotalDays);
        return left switch
        {
            _ when left <= TimeSpan.Zero => Finding.Refused($"the token expired on {date}", $"{TokenAdvice.NewToken} and update {context.Settings.TokenSource}"),
            _ when left <= TimeSpan.FromDays(1) => Finding.Warning($"Token expires on {date} (in less than a day)", Rotate),
            _ when left <= TimeSpan.FromDays(7) => Finding.Warning(string.Create(CultureInfo.InvariantCulture, $"Token expires on {date} (in {days} days, within 7)"), Rotate),
            _ when left <= TimeSpan.FromDays(14) => Finding.Warning(string.Create(CultureInfo.InvariantCulture, $"Token expires on {date} (in {days} days, within 14)"), Rotate),
            _ => Finding.Ok(string.Create(CultureInfo.InvariantCulture, $"token expires on {date} (in {days} days)")),
        };
    }
}

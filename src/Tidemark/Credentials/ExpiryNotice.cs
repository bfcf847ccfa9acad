using System.Globalization;

namespace Tidemark.Credentials;

/// <summary>
/// The expiry notice due for a token now: a warning once 14, 7 or 1 days or fewer are left, an error once it has
/// expired. <see cref="Threshold"/> is what the state store remembers so each notice is commented once: 14, 7, 1, or
/// 0 for expired. Pure: the caller passes the clock's reading.
/// Example: expiry 2026-12-09 12:00, now 2026-11-26 00:00 → threshold 14, 13 days left.
/// </summary>
internal sealed record ExpiryNotice(int Threshold, DateTimeOffset ExpiresAt, DateTimeOffset Now)
{
    /// <summary>Days before the expiry at which a warning starts, most distant first.</summary>
    public static IReadOnlyList<int> WarningDays { get; } = [14, 7, 1];

    public const string Guide = "docs/token-rotation.md";

    public bool Expired => Threshold == 0;

    public int DaysLeft => TimeLeft.Days(ExpiresAt, Now);

    /// <summary>The notice due, or null when the expiry is unknown or more than 14 days away.</summary>
    public static ExpiryNotice? For(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } expiry)
        {
            return null;
        }

        if (expiry <= now)
        {
            return new ExpiryNotice(0, expiry, now);
        }

        var left = expiry - now;
        int? threshold = null;
        foreach (var days in WarningDays)
        {
            if (left <= TimeSpan.FromDays(days))
            {
                threshold = days;
            }
        }

        return threshold is { } t ? new ExpiryNotice(t, expiry, now) : null;
    }

    /// <summary>One line naming the token only by its fingerprint. Example: <c>token fine-grained …a1b2 #3f9c1e expires on 2026-12-09 (in 13 days): rotate it — docs/token-rotation.md</c>.</summary>
    public string Message(string fingerprint)
    {
        var date = ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Expired
            ? $"token {fingerprint} expired on {date}: create a new token, configure it and remove this one — {Guide}"
            : $"token {fingerprint} expires on {date} (in {TimeLeft.Format(ExpiresAt - Now)}): rotate it — {Guide}";
    }
}

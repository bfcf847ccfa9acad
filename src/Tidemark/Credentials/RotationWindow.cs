using System.Globalization;

namespace Tidemark.Credentials;

/// <summary>
/// Where a rotation stands once the next token works: within the overlap window the current token can be revoked and
/// removed from the configuration; after it, the current token being still configured is a warning. Pure.
/// Example: next worked since 02:00, overlap 24 h, now 08:00 → within, 18h 0m left.
/// </summary>
internal sealed record RotationWindow(DateTimeOffset NextWorkedSince, TimeSpan Overlap, DateTimeOffset Now)
{
    public DateTimeOffset Deadline => NextWorkedSince + Overlap;

    public bool WithinOverlap => Now < Deadline;

    /// <summary>For the current token while the next one is in use.</summary>
    public string Message(string current, string next)
    {
        if (WithinOverlap)
        {
            return $"next token ({next}) works and is used; current ({current}) can be revoked now; remove it from the configuration within {TimeLeft.Format(Deadline - Now)}";
        }

        var deadline = Deadline.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return $"current token ({current}) is still configured although next ({next}) has been used since {Stamp(NextWorkedSince)} and the rotation overlap ended on {deadline}: revoke it on GitHub, make the next token 'token' and remove 'nextToken' — {ExpiryNotice.Guide}";
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

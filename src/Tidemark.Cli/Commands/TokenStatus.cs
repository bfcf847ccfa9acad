using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// What <c>tidemark token status</c> shows, built from the state store alone (no network): every token by
/// fingerprint with its kind, role, expiry and days left, first and last use and what it was used for, and the
/// rotation in progress, if any — or the next token a run refused to adopt, and the capability it lacks.
/// </summary>
internal sealed record TokenStatus(string StateFile, DateTimeOffset Now, IReadOnlyList<TokenStatusEntry> Tokens, TokenRotationStatus? Rotation)
{
    public static TokenStatus From(string stateFile, DateTimeOffset now, IReadOnlyList<TokenRecord> tokens, IReadOnlyList<TokenRotationRecord> rotations,
        IReadOnlyList<TokenRefusalRecord> refusals)
    {
        var entries = tokens.Select(t => Entry(t, now)).ToList();
        var refused = refusals.FirstOrDefault();
        var rotation = refused is not null && (rotations.Count == 0 || refused.RefusedAt >= rotations[0].LastSeenAt)
            ? Refused(refused)
            : LatestRotation(tokens, rotations, now);
        return new TokenStatus(stateFile, now, entries, rotation);
    }

    /// <summary>The latest run did not adopt the next token: nothing says it works, and the current token is still needed.</summary>
    private static TokenRotationStatus Refused(TokenRefusalRecord refusal) => new(refusal.CurrentFingerprint, refusal.NextFingerprint, null, null, "refused",
        $"next token ({refusal.NextFingerprint}) is not used: it cannot {refusal.Lacking}; the current token ({refusal.CurrentFingerprint}) is still used and must not be revoked — fix the next token, then check it with `tidemark token check` and the --next-token-* flag or nextToken");

    private static TokenStatusEntry Entry(TokenRecord token, DateTimeOffset now)
    {
        var notice = ExpiryNotice.For(token.ExpiresAt, now);
        var expiry = token.ExpiresAt is null ? "unknown" : notice switch
        {
            null => "ok",
            { Expired: true } => "expired",
            _ => "warning",
        };
        int? daysLeft = token.ExpiresAt is { } at ? TimeLeft.Days(at, now) : null;
        return new TokenStatusEntry(token.Fingerprint, token.Kind, token.Role, token.Source, token.Repository, token.ExpiresAt, daysLeft, expiry,
            notice?.Message(token.Fingerprint), token.FirstUsedAt, token.LastUsedAt, token.Actions);
    }

    /// <summary>The latest rotation, unless it is over: the next token has since been used as the current one.</summary>
    private static TokenRotationStatus? LatestRotation(IReadOnlyList<TokenRecord> tokens, IReadOnlyList<TokenRotationRecord> rotations, DateTimeOffset now)
    {
        if (rotations.Count == 0)
        {
            return null;
        }

        var latest = rotations[0];
        var promoted = tokens.Any(t => t.Fingerprint == latest.NextFingerprint && t.Role == RunTokenChoice.Current && t.LastUsedAt > latest.LastSeenAt);
        var window = new RotationWindow(latest.NextWorkedSince, latest.Overlap, now);
        var message = promoted
            ? $"rotation finished: the former next token ({latest.NextFingerprint}) is now the current one; revoke {latest.CurrentFingerprint} on GitHub if you have not"
            : window.Message(latest.CurrentFingerprint, latest.NextFingerprint);
        return new TokenRotationStatus(latest.CurrentFingerprint, latest.NextFingerprint, latest.NextWorkedSince, window.Deadline,
            promoted ? "finished" : window.WithinOverlap ? "overlap" : "overdue", message);
    }
}

namespace Tidemark.State;

/// <summary>Records what Tidemark did with its tokens (by fingerprint, never a value): uses, rotations, expiry notices.</summary>
internal interface ITokenLedgerWriter
{
    /// <summary>Adds one run's use: sets first use once, last use now, the role, source and expiry (when known), and adds the action counts.</summary>
    Task RecordUseAsync(TokenUse use, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that <paramref name="next"/> proved every capability the run needs and is used while <paramref name="current"/>
    /// is configured (overlap window <paramref name="overlap"/>), clearing a refusal; returns when it first worked.
    /// </summary>
    Task<DateTimeOffset> RecordNextWorkedAsync(string next, string current, TimeSpan overlap, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that <paramref name="next"/> was not adopted because it lacks <paramref name="lacking"/> (e.g. "push to
    /// flux-image-updates"), so <paramref name="current"/> stays in use; a rotation recorded for it is over (the overlap
    /// starts again once it proves everything).
    /// </summary>
    Task RecordNextRefusedAsync(string next, string current, string lacking, CancellationToken cancellationToken);

    /// <summary>Remembers that the expiry notice <paramref name="threshold"/> (14, 7, 1 or 0 days) was commented on <paramref name="pullRequest"/>; false when it already was.</summary>
    Task<bool> TryRecordExpiryCommentAsync(string fingerprint, int threshold, string pullRequest, CancellationToken cancellationToken);
}

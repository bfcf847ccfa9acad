namespace Tidemark.State;

/// <summary>How an audited action ended: <c>ok</c>; <c>denied</c> (the credential or a repository rule refused it); <c>failed</c> (network, server, anything else).</summary>
internal static class AuditOutcomes
{
    public static readonly AuditOutcome Ok = new("ok");

    public static readonly AuditOutcome Denied = new("denied");

    public static readonly AuditOutcome Failed = new("failed");

    public static IReadOnlyList<AuditOutcome> All { get; } = [Ok, Denied, Failed];
}

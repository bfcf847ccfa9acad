namespace Tidemark.State;

/// <summary>How an audited action ended: <c>ok</c>; <c>denied</c> (the credential or a repository rule refused it); <c>failed</c> (network, server, anything else).</summary>
internal static class AuditOutcomes
{
    public const string Ok = "ok";

    public const string Denied = "denied";

    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Ok, Denied, Failed];
}

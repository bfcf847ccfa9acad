namespace Tidemark.Cli.Rendering;

/// <summary>
/// One audit event in <c>tidemark audit --output json</c> (docs/audit.md): the array is newest first. Example:
/// (42, "2026-11-26T02:07:17Z", "git.push", "acme/gitops@flux-image-updates", "ok", "classic …a1b2 #3f9c1e", "3f2c… (lease new branch)",
/// "20261126T020715Z-1a2b3c"). <see cref="Run"/> is null for an event outside a <c>tidemark run</c> (or written before run ids).
/// </summary>
internal sealed record AuditJson(long Id, string Time, string Action, string Target, string Outcome, string? Token, string Detail, string? Run);

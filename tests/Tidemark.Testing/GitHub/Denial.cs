namespace Tidemark.Testing.GitHub;

/// <summary>A refused request; REST and git render it differently.</summary>
internal sealed record Denial(DenialReason Reason, SimToken? Token, SimRepository? Repository, string AcceptedPermissions);

namespace Tidemark.State;

/// <summary>A held lock on one repository: who holds it and until when (a crashed holder's lease simply expires).</summary>
internal sealed record RepositoryLease(string Repository, string Owner, DateTimeOffset ExpiresAt);

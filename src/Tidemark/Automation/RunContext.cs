using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>The pieces one run works with once it holds the repository's <see cref="Lease"/>; <see cref="Audit"/> names its token.</summary>
internal sealed record RunContext(
    RunHost Host,
    RunSettings Settings,
    RunTarget Target,
    IForge Forge,
    StateStore State,
    RepositoryLease Lease,
    Credentials.ResolvedToken Token,
    AuditTrail Audit);

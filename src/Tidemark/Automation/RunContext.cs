using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>The pieces one <c>tidemark run</c> works with once its repository lock is held; <see cref="Audit"/> names its token.</summary>
internal sealed record RunContext(
    CliEnvironment Env,
    ILoggerFactory Logging,
    RunRequest Request,
    RunTarget Target,
    IForge Forge,
    StateStore State,
    string LockOwner,
    Credentials.ResolvedToken Token,
    AuditTrail Audit);

using Microsoft.Extensions.Logging;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// What the use cases take from whoever hosts them (the CLI today, a <c>serve</c> host later), built once by its
/// composition root: the clock, the environment variables token sources may read, the process's one redactor, logging,
/// where progress goes (<see cref="Report"/>), Docker's config.json, the git runner, how to open the state store (opened
/// once, on first use) and a forge per token for a repository.
/// </summary>
internal sealed record RunHost(
    TimeProvider Time,
    Func<string, string?> Variable,
    ISecretRedactor Redactor,
    ILoggerFactory Logging,
    IRunReport Report,
    string? DockerConfigPath,
    GitRunner Git,
    Func<CancellationToken, Task<StateStore>> OpenState,
    Func<Uri, RunTarget, ForgePool> Forges);

using Microsoft.Extensions.Logging;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.Cli.Serve;

/// <summary>What the service's HTTP parts (webhooks, dashboard, metrics, health) are given by the serve host.</summary>
internal sealed record ServeContext(
    ServiceSettings Settings,
    IReconcileTriggers Triggers,
    IServeStatus Status,
    IServeObserver Observer,
    StateStore State,
    TimeProvider Time,
    ISecretRedactor Redactor,
    ILoggerFactory Logging);

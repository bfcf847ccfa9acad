using System.Collections.Concurrent;
using Tidemark.Automation;
using Tidemark.Cli.Serve;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>Records each webhook outcome reported to the observer as <c>sender outcome</c>.</summary>
internal sealed class RecordingObserver : IServeObserver
{
    public ConcurrentQueue<string> Deliveries { get; } = new();

    public void RunStarted(string repository, RunTrigger trigger)
    {
    }

    public void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error)
    {
    }

    public void WebhookHandled(string sender, string outcome) => Deliveries.Enqueue($"{sender} {outcome}");
}

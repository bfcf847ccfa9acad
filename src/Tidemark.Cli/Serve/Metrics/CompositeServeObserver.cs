using Tidemark.Automation;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>Tells every observer in turn (the host passes one: e.g. <see cref="MetricsObserver"/> and <see cref="Logging.RunLogObserver"/>); one that throws does not stop the others.</summary>
internal sealed class CompositeServeObserver(params IServeObserver[] observers) : IServeObserver
{
    public void RunStarted(string repository, string trigger) => Each(o => o.RunStarted(repository, trigger));

    public void RunFinished(string repository, string trigger, TimeSpan duration, RunResult? result, string? error) =>
        Each(o => o.RunFinished(repository, trigger, duration, result, error));

    public void WebhookHandled(string sender, string outcome) => Each(o => o.WebhookHandled(sender, outcome));

    private void Each(Action<IServeObserver> call)
    {
        foreach (var observer in observers)
        {
            try
            {
                call(observer);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // observers must not throw (IServeObserver); one that does loses its own record only
            }
        }
    }
}

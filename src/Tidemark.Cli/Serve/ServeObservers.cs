using Tidemark.Automation;

namespace Tidemark.Cli.Serve;

/// <summary>Passes each event to every observer (the host builds one: the run log line, the metrics, and any a host adds); one failing does not stop the others.</summary>
internal sealed class CompositeServeObserver(params IReadOnlyList<IServeObserver> observers) : IServeObserver
{
    public void RunStarted(string repository, RunTrigger trigger) => Each(o => o.RunStarted(repository, trigger));

    public void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error) => Each(o => o.RunFinished(repository, trigger, duration, result, error));

    public void WebhookHandled(string sender, string outcome) => Each(o => o.WebhookHandled(sender, outcome));

    public void RunSkipped(string repository, RunTrigger trigger, string reason) => Each(o => o.RunSkipped(repository, trigger, reason));

    private void Each(Action<IServeObserver> call)
    {
        foreach (var observer in observers)
        {
            try
            {
                call(observer);
            }
#pragma warning disable CA1031 // observers must not throw; one that does must not silence the others
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}

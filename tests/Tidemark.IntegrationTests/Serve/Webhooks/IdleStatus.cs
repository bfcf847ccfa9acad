using Tidemark.Cli.Serve;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

internal sealed class IdleStatus : IServeStatus
{
    public bool SchedulerRunning => true;

    public bool AcceptingWork { get; set; } = true;

    public IReadOnlyList<RepositoryStatus> Repositories => [];
}

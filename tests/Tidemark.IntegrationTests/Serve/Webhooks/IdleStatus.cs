using Tidemark.Cli.Serve;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

internal sealed class IdleStatus : IServeStatus
{
    public bool SchedulerRunning => true;

    public IReadOnlyList<RepositoryStatus> Repositories => [];
}

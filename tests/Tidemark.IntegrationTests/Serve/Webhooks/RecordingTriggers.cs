using System.Collections.Concurrent;
using Tidemark.Cli.Serve;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>The scheduler's seam as a recorder: what the webhooks asked for, in order. Knows the repositories it is told; their base branch is <c>main</c>.</summary>
internal sealed class RecordingTriggers(params string[] repositories) : IReconcileTriggers
{
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Each call's trigger as its metrics label (<c>webhook:SENDER</c>).</summary>
    public ConcurrentQueue<string> Labels { get; } = new();

    public bool Request(string repository, RunTrigger trigger)
    {
        Calls.Enqueue($"request {repository}: {trigger}");
        Labels.Enqueue(trigger.Label);
        return repositories.Contains(repository, StringComparer.OrdinalIgnoreCase);
    }

    public BranchPush? BranchPushed(string repository, string branch, string? defaultBranch, RunTrigger trigger)
    {
        Calls.Enqueue($"push {repository} {branch}: {trigger}");
        Labels.Enqueue(trigger.Label);
        return repositories.Contains(repository, StringComparer.OrdinalIgnoreCase) ? new BranchPush(branch == "main", ["main"]) : null;
    }

    public IReadOnlyList<string> ImagePushed(string imageRepository, RunTrigger trigger)
    {
        Calls.Enqueue($"pushed {imageRepository}: {trigger}");
        Labels.Enqueue(trigger.Label);
        return repositories;
    }
}

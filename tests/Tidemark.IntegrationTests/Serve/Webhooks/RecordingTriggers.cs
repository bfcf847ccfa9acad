using System.Collections.Concurrent;
using Tidemark.Cli.Serve;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>The scheduler's seam as a recorder: what the webhooks asked for, in order. Knows the repositories it is told; their base branch is <c>main</c>.</summary>
internal sealed class RecordingTriggers(params string[] repositories) : IReconcileTriggers
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public bool Request(string repository, string reason)
    {
        Calls.Enqueue($"request {repository}: {reason}");
        return repositories.Contains(repository, StringComparer.OrdinalIgnoreCase);
    }

    public BranchPush? BranchPushed(string repository, string branch, string? defaultBranch, string reason)
    {
        Calls.Enqueue($"push {repository} {branch}: {reason}");
        return repositories.Contains(repository, StringComparer.OrdinalIgnoreCase) ? new BranchPush(branch == "main", ["main"]) : null;
    }

    public IReadOnlyList<string> ImagePushed(string imageRepository, string reason)
    {
        Calls.Enqueue($"pushed {imageRepository}: {reason}");
        return repositories;
    }
}

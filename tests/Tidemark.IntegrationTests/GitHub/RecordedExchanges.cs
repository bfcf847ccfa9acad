using System.Collections.Concurrent;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>All simulator recorders of this test run, so fidelity checks can look at every response.</summary>
internal static class RecordedExchanges
{
    private static readonly ConcurrentBag<RequestRecorder> Recorders = [];

    public static void Register(RequestRecorder recorder) => Recorders.Add(recorder);

    public static IReadOnlyList<RecordedExchange> All => [.. Recorders.SelectMany(r => r.Exchanges)];
}

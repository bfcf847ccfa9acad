using System.Collections.Concurrent;

namespace Tidemark.Testing.GitHub;

/// <summary>Keeps every REST exchange in arrival order so tests can assert on what a run did.</summary>
public sealed class RequestRecorder
{
    private readonly ConcurrentQueue<RecordedExchange> exchanges = new();

    public IReadOnlyList<RecordedExchange> Exchanges => [.. exchanges];

    public void Clear() => exchanges.Clear();

    internal void Add(RecordedExchange exchange) => exchanges.Enqueue(exchange);

    /// <summary>Exchanges with this method whose route template equals <paramref name="routeTemplate"/>.</summary>
    public IReadOnlyList<RecordedExchange> Find(string method, string routeTemplate) =>
        [.. exchanges.Where(e => e.Method == method && e.RouteTemplate == routeTemplate)];
}

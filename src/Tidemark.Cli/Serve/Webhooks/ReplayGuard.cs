namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// Remembers the deliveries handled recently so that a replay (a sender's retry, a manual redelivery, a captured request
/// sent again) has no side effect. In memory and per process: bounded to <see cref="Capacity"/> keys, each kept for
/// its window. Thread-safe.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time)
{
    /// <summary>How long a delivery id is remembered: GitHub's redeliveries and the registries' retries come within it.</summary>
    public static readonly TimeSpan IdWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a body hash is remembered, for senders without ids. Shorter: the same body can be a new event (Quay's
    /// payload for a second push of a tag name is the same bytes), and the senders' retries come within minutes.
    /// </summary>
    public static readonly TimeSpan BodyWindow = TimeSpan.FromMinutes(10);

    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expiry)> _order = new();

    /// <summary>Records <paramref name="key"/>; false when it was recorded before and has not expired (a replay).</summary>
    public bool TryRecord(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Evict(now);
            if (_expiries.TryGetValue(key, out var expiry) && expiry > now)
            {
                return false;
            }

            _expiries[key] = now + window;
            _order.Enqueue((key, now + window));
            return true;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (oldest.Expiry <= now || _expiries.Count > Capacity))
        {
            _order.Dequeue();
            if (_expiries.TryGetValue(oldest.Key, out var current) && current == oldest.Expiry)
            {
                _expiries.Remove(oldest.Key);
            }
        }
    }
}

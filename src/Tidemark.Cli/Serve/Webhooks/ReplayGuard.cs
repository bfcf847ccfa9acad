using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// Remembers the deliveries handled recently so that a replay (a sender's retry, a manual redelivery, a captured request
/// sent again) has no side effect. In memory and per process: bounded to <see cref="Capacity"/> keys (stored as 128 bits of
/// their SHA-256), each kept for its window; when full, the key closest to expiring is dropped. Thread-safe.
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

    // keyed on the SHA-256 of the key, so a long key (a distribution event-id list) costs no more than a short one
    private readonly Dictionary<UInt128, DateTimeOffset> _expiries = [];

    // by expiry, soonest first: a 10-minute body hash recorded after a 24-hour id is evicted when it expires, and at
    // capacity the key closest to expiring (the oldest among equals) goes first
    private readonly PriorityQueue<UInt128, (DateTimeOffset Expiry, long Sequence)> _order = new();
    private long _sequence;

    /// <summary>How many keys are remembered now (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _expiries.Count;
            }
        }
    }

    /// <summary>Records <paramref name="key"/>; false when it was recorded before and has not expired (a replay).</summary>
    public bool TryRecord(string key, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(key);
        var digest = Digest(key);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Evict(now, 0);
            if (_expiries.TryGetValue(digest, out var expiry) && expiry > now)
            {
                return false;
            }

            Evict(now, 1);
            _expiries[digest] = now + window;
            _order.Enqueue(digest, (now + window, _sequence++));
            return true;
        }
    }

    private static UInt128 Digest(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>Drops expired keys, and the soonest-expiring ones while fewer than <paramref name="room"/> places are free.</summary>
    private void Evict(DateTimeOffset now, int room)
    {
        while (_order.TryPeek(out var oldest, out var order) && (order.Expiry <= now || _expiries.Count > Capacity - room))
        {
            _order.Dequeue();
            if (_expiries.TryGetValue(oldest, out var current) && current == order.Expiry)
            {
                _expiries.Remove(oldest);
            }
        }
    }
}

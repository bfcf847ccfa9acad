using System.Net;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>
/// Slows down guessing the admin token (docs/dashboard.md, "Admin sign-in"): after <see cref="MaxFailures"/> wrong
/// sign-ins from one client address (an IPv6 client by its /64) within <see cref="Window"/>, that address is refused
/// for <see cref="LockOut"/> without its token being compared at all. A right sign-in clears the address's count. The table holds at most
/// <see cref="MaxClients"/> addresses: when full, addresses with nothing current go first, then the least recently seen
/// that is not locked out.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public const int MaxClients = 1024;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Client> _clients = new(StringComparer.Ordinal);

    /// <summary>The number of addresses remembered (at most <see cref="MaxClients"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>How long <paramref name="address"/> must still wait before its next sign-in is looked at; null when it may sign in now.</summary>
    public TimeSpan? Wait(IPAddress? address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _clients.TryGetValue(Key(address), out var client) && client.LockedUntil > now ? client.LockedUntil - now : null;
        }
    }

    /// <summary>
    /// Looks at a sign-in from <paramref name="address"/> before its token is compared: the time it must still wait
    /// (refused), or null, and then the attempt is already counted as a wrong one until <see cref="Succeeded"/> says
    /// otherwise. Checking and counting are one step, so parallel guesses cannot all pass before any is counted; the
    /// <see cref="MaxFailures"/>th within <see cref="Window"/> locks the address out.
    /// </summary>
    public TimeSpan? Attempt(IPAddress? address)
    {
        var now = time.GetUtcNow();
        var key = Key(address);
        lock (_gate)
        {
            if (_clients.TryGetValue(key, out var client) && client.LockedUntil > now)
            {
                return client.LockedUntil - now;
            }

            if (client is null)
            {
                MakeRoom(now);
                client = new Client();
                _clients[key] = client;
            }

            client.LastSeen = now;
            while (client.Failures.Count > 0 && client.Failures.Peek() <= now - Window)
            {
                client.Failures.Dequeue();
            }

            client.Failures.Enqueue(now);
            if (client.Failures.Count >= MaxFailures)
            {
                client.Failures.Clear();
                client.LockedUntil = now + LockOut;
            }

            return null;
        }
    }

    /// <summary>A right sign-in: the address starts afresh.</summary>
    public void Succeeded(IPAddress? address)
    {
        lock (_gate)
        {
            _clients.Remove(Key(address));
        }
    }

    /// <summary>An IPv4 address as it is; an IPv6 address by its /64 network, which one client usually holds whole.</summary>
    private static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Under the gate: below the cap, dropping addresses with no current failures or lock-out first, then the least recently seen not locked out.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (_clients.Count < MaxClients)
        {
            return;
        }

        foreach (var stale in _clients.Where(c => c.Value.LockedUntil <= now && c.Value.LastSeen <= now - Window).Select(c => c.Key).ToList())
        {
            _clients.Remove(stale);
        }

        while (_clients.Count >= MaxClients)
        {
            // an address still locked out goes last, so a flood of new addresses cannot lift a lock-out
            var victim = _clients.MinBy(c => (c.Value.LockedUntil > now, c.Value.LastSeen)).Key;
            _clients.Remove(victim);
        }
    }

    private sealed class Client
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset LockedUntil { get; set; }

        public DateTimeOffset LastSeen { get; set; }
    }
}

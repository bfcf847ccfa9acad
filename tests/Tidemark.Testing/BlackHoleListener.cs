using System.Net;
using System.Net.Sockets;

namespace Tidemark.Testing;

/// <summary>
/// A loopback server that accepts every connection and never answers — a registry or API that hangs — and counts the
/// connections it accepted, so a test can bound how many requests were sent without timing anything.
/// </summary>
public sealed class BlackHoleListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> held = [];
    private readonly CancellationTokenSource stop = new();
    private int accepted;

    public BlackHoleListener()
    {
        listener.Start();
        _ = AcceptForeverAsync();
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Stops listening: the port then refuses connections (until something else takes it).</summary>
    public void Close() => listener.Stop();

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held)
        {
            held.ForEach(s => s.Dispose());
        }
        stop.Dispose();
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                lock (held)
                {
                    held.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // the test is over
        }
    }
}

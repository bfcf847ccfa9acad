using System.Net;
using System.Net.Sockets;

namespace Tidemark.Testing;

/// <summary>Loopback ports for tests.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on right now (the OS picks it, then it is released).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

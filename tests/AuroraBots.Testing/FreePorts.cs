using System.Net;
using System.Net.Sockets;

namespace AuroraBots.Testing;

public static class FreePorts
{
    /// <summary>A loopback port nobody listens on right now (for a server to start on, or for "nothing answers here").</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

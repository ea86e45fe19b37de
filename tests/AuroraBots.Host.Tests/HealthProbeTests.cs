using System.Net;
using System.Net.Sockets;

namespace AuroraBots.Host.Tests;

/// <summary>The probes of docs/hosting.md "Several instances": liveness checks nothing external, readiness checks content and Redis.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_content_is_loaded_and_no_Redis_is_configured()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_503_while_Redis_is_unreachable_but_live_stays_200()
    {
        await using var factory = new UnreachableRedisHost(DeadPort());
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    private static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again at once: nothing answers there
    }

    private sealed class UnreachableRedisHost(int port) : HostFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{port},connectTimeout=500",
        };
    }
}

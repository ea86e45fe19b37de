using AuroraBots.DirectLine.TestServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.DirectLine.Tests.Infrastructure;

/// <summary>The real channel on Kestrel at 127.0.0.1:&lt;free port&gt; with the test bot.</summary>
public sealed class ChannelServer : IAsyncLifetime
{
    private readonly string[] _args;
    private readonly Action<WebApplicationBuilder>? _configure;

    public ChannelServer() : this(["--keepalive-seconds", "1"]) { }

    internal ChannelServer(string[] args, Action<WebApplicationBuilder>? configure = null) => (_args, _configure) = (args, configure);

    public WebApplication App { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public DirectLineClient Client(string? credential = "test-secret") => new(BaseUrl, credential);

    public async Task InitializeAsync()
    {
        App = TestServerApp.Build(_args, _configure);
        await App.StartAsync();
        BaseUrl = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

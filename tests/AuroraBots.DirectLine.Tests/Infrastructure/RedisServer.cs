using AuroraBots.Testing;

namespace AuroraBots.DirectLine.Tests.Infrastructure;

/// <summary>A real Redis for the class (<see cref="TestRedis"/>).</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private TestRedis? _redis;

    public string Endpoint => _redis?.Configuration ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _redis = await TestRedis.StartAsync();

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        return Task.CompletedTask;
    }
}

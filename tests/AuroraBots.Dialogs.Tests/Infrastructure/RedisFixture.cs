using AuroraBots.Testing;

namespace AuroraBots.Dialogs.Tests.Infrastructure;

/// <summary>A real Redis for the collection (<see cref="TestRedis"/>).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private TestRedis? _redis;

    /// <summary>host:port, usable as a StackExchange.Redis configuration string.</summary>
    public string Endpoint => _redis?.Configuration ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _redis = await TestRedis.StartAsync();

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

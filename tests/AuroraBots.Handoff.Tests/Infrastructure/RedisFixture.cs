using AuroraBots.Testing;

namespace AuroraBots.Handoff.Tests.Infrastructure;

/// <summary>A real Redis for the collection (<see cref="TestRedis"/>); tests use unique key prefixes.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private TestRedis? _redis;

    public string Configuration => _redis?.Configuration ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _redis = await TestRedis.StartAsync();

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh key prefix, so tests never see each other's keys.</summary>
    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}:";

    /// <summary>A loopback port where nothing answers (a Redis or network that is down).</summary>
    public static int FreePort() => FreePorts.Next();
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

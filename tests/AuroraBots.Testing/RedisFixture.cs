using StackExchange.Redis;
using Xunit;

namespace AuroraBots.Testing;

/// <summary>
/// The xunit fixture over <see cref="TestRedis"/>: one real Redis per test collection or class. Tests keep apart by
/// key prefix (<see cref="UniquePrefix"/>) and remove their keys, so the run-wide Redis of scripts/test.sh stays clean.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private TestRedis? _redis;

    /// <summary>host:port, usable as a StackExchange.Redis configuration string.</summary>
    public string Configuration => _redis?.Configuration ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public async Task InitializeAsync() => _redis = await TestRedis.StartAsync();

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh key prefix, so tests never see each other's keys.</summary>
    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}:";

    /// <summary>A loopback port where nothing answers (a Redis or a network service that is down).</summary>
    public static int FreePort() => FreePorts.Next();

    /// <summary>Removes a test's keys.</summary>
    public async Task DeleteKeysAsync(string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var db = connection.GetDatabase();
        foreach (var server in connection.GetServers())
            await foreach (var key in server.KeysAsync(pattern: prefix + "*")) await db.KeyDeleteAsync(key);
    }
}

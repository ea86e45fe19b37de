using AuroraBots.Testing;
using StackExchange.Redis;

namespace AuroraBots.Editor.Tests;

/// <summary>A real Redis for the collection (<see cref="TestRedis"/>); tests use unique key prefixes and delete their keys.</summary>
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

    /// <summary>Removes a test's keys, so a shared Redis (<c>AURORABOTS_TEST_REDIS</c>) does not fill up.</summary>
    public async Task DeleteKeysAsync(string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var db = connection.GetDatabase();
        foreach (var server in connection.GetServers())
            await foreach (var key in server.KeysAsync(pattern: prefix + "*")) await db.KeyDeleteAsync(key);
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// One lazily opened multiplexer for the channel's Redis stores. <c>abortConnect=false</c> lets the host start
/// (and recover) while Redis is down; calls then fail with <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class RedisConnection(string configuration, string keyPrefix) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public string KeyPrefix { get; } = keyPrefix;

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value.ConfigureAwait(false)).GetDatabase();

    /// <summary>Runs a Redis call, turning connection failures into <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(await GetDatabaseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new StoreUnavailableException("Redis is not reachable", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated) await (await _multiplexer.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }
}

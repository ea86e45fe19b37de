using StackExchange.Redis;

namespace AuroraBots.Platform.Storage;

/// <summary>
/// The process's one Redis connection. Every Redis-backed store takes its <see cref="IConnectionMultiplexer"/> from
/// here (one socket pool, one reconnect loop, one place to tune timeouts) instead of opening its own.
/// <c>abortConnect=false</c> lets the host start, and recover, while Redis is down; <c>BacklogPolicy.FailFast</c>
/// makes commands fail at once while disconnected instead of queueing, so callers can answer 503 or retry at once.
/// </summary>
public sealed class SharedRedis : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public SharedRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration); // a malformed string fails at start-up, not at first use
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        Configuration = options;
        _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The parsed options (a copy of them is what every connection used).</summary>
    public ConfigurationOptions Configuration { get; }

    /// <summary>The multiplexer, connecting on first use.</summary>
    public async Task<IConnectionMultiplexer> GetMultiplexerAsync() => await _multiplexer.Value.ConfigureAwait(false);

    public async Task<IDatabase> GetDatabaseAsync() => (await GetMultiplexerAsync().ConfigureAwait(false)).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated) await (await _multiplexer.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }
}

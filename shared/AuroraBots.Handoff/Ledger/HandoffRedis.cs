using StackExchange.Redis;

namespace AuroraBots.Handoff.Ledger;

/// <summary>
/// The ledger's own lazily opened Redis connection. Connecting lazily keeps the host starting when Redis is
/// down; each call then fails fast with <see cref="ConsentLedgerUnavailableException"/> instead.
/// </summary>
public sealed class HandoffRedis(string configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } ready) return ready.GetDatabase();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(configuration);
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }
            return _connection.GetDatabase();
        }
        catch (RedisException e)
        {
            throw new ConsentLedgerUnavailableException("The consent ledger (Redis) is not reachable.", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _gate.Dispose();
    }
}

using AuroraBots.Platform.Storage;
using StackExchange.Redis;

namespace AuroraBots.Handoff.Ledger;

/// <summary>
/// The ledger's view of the process's one Redis connection (<see cref="SharedRedis"/>). The connection opens lazily,
/// so the host starts while Redis is down; each call then fails fast with <see cref="ConsentLedgerUnavailableException"/>.
/// </summary>
public sealed class HandoffRedis(SharedRedis redis)
{
    public async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await redis.GetDatabaseAsync().ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new ConsentLedgerUnavailableException("The consent ledger (Redis) is not reachable.", e);
        }
    }
}

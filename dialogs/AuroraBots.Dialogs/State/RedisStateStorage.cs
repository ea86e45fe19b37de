using AuroraBots.Platform.Storage;
using StackExchange.Redis;

namespace AuroraBots.Dialogs.State;

/// <summary>
/// State in Redis, one hash per conversation (<c>v</c> version, <c>data</c> state JSON, <c>turn</c> last committed
/// turn). The version check and the write are one Lua script, so two instances can never both save over the same version.
/// </summary>
public sealed class RedisStateStorage(SharedRedis redis) : IStateStorage
{
    private const string SaveScript = """
        local v = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
        if ARGV[1] ~= '' and v ~= tonumber(ARGV[1]) then return -1 end
        redis.call('HSET', KEYS[1], 'v', v + 1, 'data', ARGV[2], 'turn', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return v + 1
        """;

    public async Task<StoredState> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var fields = await (await redis.GetDatabaseAsync()).HashGetAsync(key, ["data", "v", "turn"]);
        return fields[0].IsNull ? default : new StoredState((byte[])fields[0]!, (long)fields[1], fields[2].IsNullOrEmpty ? null : (byte[])fields[2]!);
    }

    public async Task<bool> TrySaveAsync(string key, byte[] state, byte[] turn, long? expectedVersion, TimeSpan ttl, CancellationToken cancellationToken) =>
        (long)await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(SaveScript, [key],
            [expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", state, turn, (long)ttl.TotalMilliseconds]) > 0;

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) => await (await redis.GetDatabaseAsync()).KeyDeleteAsync(key);
}

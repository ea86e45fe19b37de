using Microsoft.Extensions.Configuration;

namespace AuroraBots.Platform.Storage;

/// <summary>
/// The one storage switch of the platform: <c>ConnectionStrings:Redis</c> set means every store (Direct Line log,
/// dialog state, consent ledger, editor, network service) uses Redis; absent means memory (and files for the
/// editor). There are no per-component overrides, so a deployment can never run half on Redis and half in memory.
/// </summary>
public sealed record PlatformStorage(StorageMode Mode, string? RedisConfiguration)
{
    public const string ConnectionStringName = "Redis";

    public bool UsesRedis => Mode == StorageMode.Redis;

    /// <summary>Reads the switch from the root configuration.</summary>
    public static PlatformStorage From(IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(redis) ? new(StorageMode.Memory, null) : new(StorageMode.Redis, redis);
    }
}

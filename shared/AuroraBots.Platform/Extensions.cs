using AuroraBots.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace AuroraBots.Platform;

public static class PlatformExtensions
{
    /// <summary>
    /// The storage switch (<see cref="PlatformStorage"/>), read once from the root configuration's
    /// <c>ConnectionStrings:Redis</c>, and with Redis the process's one connection (<see cref="SharedRedis"/>, also as
    /// <see cref="IConnectionMultiplexer"/>). Every component's <c>Add…</c> calls this; the first registration wins.
    /// The switch is resolved from the <see cref="IConfiguration"/> in DI (no configuration: memory), so libraries
    /// that only receive their own configuration section still share the host's one decision.
    /// </summary>
    /// <param name="configuration">The root configuration when the caller has it; otherwise the one in DI is read.</param>
    public static IServiceCollection AddPlatformStorage(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (configuration is not null)
            services.TryAddSingleton(PlatformStorage.From(configuration));
        else
            services.TryAddSingleton(sp => sp.GetService<IConfiguration>() is { } root
                ? PlatformStorage.From(root)
                : new PlatformStorage(StorageMode.Memory, null));
        services.TryAddSingleton(sp => sp.GetRequiredService<PlatformStorage>() is { RedisConfiguration: { } redis }
            ? new SharedRedis(redis)
            : throw new InvalidOperationException("Redis is not configured (ConnectionStrings:Redis); this component needs it."));
        services.TryAddSingleton<IConnectionMultiplexer>(sp => sp.GetRequiredService<SharedRedis>().GetMultiplexerAsync().GetAwaiter().GetResult());
        return services;
    }

    /// <summary>
    /// The platform's languages (<see cref="Languages"/>) from the configuration section <c>Languages</c>; without
    /// one, fi/sv/en with Finnish as the fallback. The first registration wins.
    /// </summary>
    public static IServiceCollection AddPlatformLanguages(this IServiceCollection services, IConfiguration? configuration = null)
    {
        if (configuration is not null) services.TryAddSingleton(Languages.From(configuration));
        else services.TryAddSingleton(sp => Languages.From(sp.GetService<IConfiguration>()));
        return services;
    }

    /// <summary>True when the process keeps its shared state in Redis.</summary>
    public static bool UsesRedis(this IServiceProvider services) => services.GetRequiredService<PlatformStorage>().UsesRedis;
}

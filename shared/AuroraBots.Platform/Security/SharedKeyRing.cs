using AuroraBots.Platform.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.Platform.Security;

/// <summary>
/// ASP.NET Core Data Protection (what signs the editor's sign-in cookie) with ONE key ring for every instance:
/// with Redis the keys live under <see cref="RedisKey"/> (Microsoft's <see cref="RedisXmlRepository"/> on the process's
/// <see cref="SharedRedis"/> connection), so a cookie issued by one instance is valid on all of them; without Redis the
/// framework's default (a key ring in the user's profile) serves the single-process embedded run.
/// The application name is fixed so that instances in different folders or containers share the ring.
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "AuroraBots";
    public const string RedisKey = "aurorabots:dataprotection:keys";

    public static IServiceCollection AddPlatformDataProtection(this IServiceCollection services)
    {
        services.AddPlatformStorage();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        // Decided when options are first read (the storage switch comes from the root configuration in DI).
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            if (!sp.UsesRedis()) return;
            var redis = sp.GetRequiredService<IConnectionMultiplexer>();
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKey);
        });
        return services;
    }
}

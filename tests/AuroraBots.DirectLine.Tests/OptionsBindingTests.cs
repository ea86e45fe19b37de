using AuroraBots.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Tests;

public sealed class OptionsBindingTests
{
    private static (DirectLineOptions Options, PlatformStorage Storage) Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDirectLine(configuration.GetSection("DirectLine"));
        using var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IOptions<DirectLineOptions>>().Value, provider.GetRequiredService<PlatformStorage>());
    }

    [Fact]
    public void Secrets_origins_and_the_platform_storage_switch_are_bound()
    {
        var (options, storage) = Bind(new()
        {
            ["DirectLine:Bots:kunta:Secrets:0"] = "s1",
            ["DirectLine:Bots:kunta:Secrets:1"] = "s2",
            ["DirectLine:AllowedOrigins:0"] = "https://kunta.fi",
            ["ConnectionStrings:Redis"] = "redis:6379",
        });
        Assert.Equal(["s1", "s2"], options.Bots["kunta"].Secrets);
        Assert.Equal(["https://kunta.fi"], options.AllowedOrigins);
        Assert.Equal(StorageMode.Redis, storage.Mode);
        Assert.Equal("redis:6379", storage.RedisConfiguration);
    }

    [Fact]
    public void A_plain_star_allows_any_origin_and_without_a_redis_connection_string_the_channel_keeps_memory()
    {
        var (options, storage) = Bind(new()
        {
            ["DirectLine:AllowedOrigins"] = "*",
        });
        Assert.Equal(["*"], options.AllowedOrigins);
        Assert.Equal(StorageMode.Memory, storage.Mode);
    }
}

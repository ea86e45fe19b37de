using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Tests;

public sealed class OptionsBindingTests
{
    private static DirectLineOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDirectLine(configuration.GetSection("DirectLine"));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
    }

    [Fact]
    public void Secrets_origins_and_the_root_redis_connection_string_are_bound()
    {
        var options = Bind(new()
        {
            ["DirectLine:Bots:kunta:Secrets:0"] = "s1",
            ["DirectLine:Bots:kunta:Secrets:1"] = "s2",
            ["DirectLine:AllowedOrigins:0"] = "https://kunta.fi",
            ["ConnectionStrings:Redis"] = "redis:6379",
        });
        Assert.Equal(["s1", "s2"], options.Bots["kunta"].Secrets);
        Assert.Equal(["https://kunta.fi"], options.AllowedOrigins);
        Assert.Equal("redis:6379", options.RedisConnectionString);
    }

    [Fact]
    public void A_plain_star_allows_any_origin_and_the_options_connection_string_wins()
    {
        var options = Bind(new()
        {
            ["DirectLine:AllowedOrigins"] = "*",
            ["DirectLine:RedisConnectionString"] = "own:6379",
            ["ConnectionStrings:Redis"] = "redis:6379",
        });
        Assert.Equal(["*"], options.AllowedOrigins);
        Assert.Equal("own:6379", options.RedisConnectionString);
    }
}

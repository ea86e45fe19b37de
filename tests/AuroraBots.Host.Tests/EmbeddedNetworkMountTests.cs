using System.Net;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Host.Tests;

/// <summary>
/// The local AuroraAI network service is part of the host only as the embedded default: a host whose client is
/// pointed at another network (<c>AuroraAI:Client:BaseUrl</c>) must not answer as a network itself.
/// </summary>
public sealed class EmbeddedNetworkMountTests
{
    private const string RecommenderPath = "/service-recommender/v1/recommend_service";

    private sealed class ExternalNetworkHost : HostFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["AuroraAI:Client:BaseUrl"] = "https://auroraai.example.fi/",
        };
    }

    [Fact]
    public async Task Without_a_client_base_url_the_embedded_network_is_mounted()
    {
        await using var factory = new HostFactory();
        var response = await factory.CreateClient().PostAsync(RecommenderPath, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        // Mounted: the service answers (no credentials → 401), rather than the host's 404.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(factory.Services.GetService<IAuroraServiceRegistry>());
    }

    [Fact]
    public async Task With_a_client_base_url_the_host_does_not_mount_or_register_the_network_service()
    {
        await using var factory = new ExternalNetworkHost();
        var response = await factory.CreateClient().PostAsync(RecommenderPath, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(factory.Services.GetService<IAuroraServiceRegistry>());
    }
}

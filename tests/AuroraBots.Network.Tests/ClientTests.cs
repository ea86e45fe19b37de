using Microsoft.AspNetCore.Http;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary>The typed client against the real embedded service: every call, the error mapping and log hygiene.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private const string ReceiverChannel = "22222222-2222-4222-8222-222222222222";
    private NetworkServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NetworkServer.StartAsync();
        _server.Registry.Register(new AuroraServiceRegistration
        {
            ClientId = "9b2c1d0e-8f7a-4b6c-9d5e-4f3a2b1c0d9e", ClientSecret = "receiver-secret-abcdef",
            ServiceChannelId = ReceiverChannel, ReceivableAttributes = ["age", "life_situation_meters"],
            LandingUrl = "https://receiver.example/in", ListInCatalogue = false,
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Works_with_no_configuration_once_the_host_sets_the_embedded_address()
    {
        await using var services = ClientFactory.Create(baseUrl: null);
        var client = services.Client();
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => client.TextSearchAsync(new TextSearchRequest { SearchText = "harrastus" }));

        services.Endpoint().SetBaseAddress(_server.BaseAddress);
        var result = await client.RecommendServiceAsync(new RecommendServiceRequest
        {
            LifeSituationMeters = new() { ["family"] = [2], ["self_esteem"] = [3] },
            Limit = 2,
            ServiceFilters = new ServiceFilters { MunicipalityCodes = ["091"], IncludeNationalServices = false },
        });
        Assert.Equal("d64476db-f2df-4699-bb6a-1bfae007577a", result.RecommendedServices[0].ServiceId);
        Assert.Equal(3, result.RecommendedServices[0].ServiceChannels.Count);
    }

    [Fact]
    public async Task Recommends_searches_sends_feedback_and_transfers()
    {
        var logs = new CapturingLoggerProvider();
        await using var services = ClientFactory.Create(_server.BaseAddress, logs);
        var client = services.Client();

        var search = await client.TextSearchAsync(new TextSearchRequest { SearchText = "taideopetusta kulttuurikeskuksessa" });
        Assert.Equal("d64476db-f2df-4699-bb6a-1bfae007577a", search.RecommendedServices[0].ServiceId);
        await client.SendFeedbackAsync(new RecommendationFeedback
        {
            AuroraaiRecommendationId = search.AuroraaiRecommendationId,
            ServiceFeedbacks = [new ServiceFeedback { ServiceId = search.RecommendedServices[0].ServiceId, FeedbackScore = 1 }],
        });

        var url = await client.PostSessionAttributesAsync(new SessionTransferRequest
        {
            ServiceChannelId = ReceiverChannel,
            SessionAttributes = new SessionAttributes { Age = 87, MunicipalityCode = "698", LifeSituationMeters = new() { ["housing"] = [4] } },
        }, consentReceiptId: "receipt-client-1");
        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["auroraai_access_token"]!;
        Assert.Matches("^[0-9a-f]{64}$", token);

        var received = await client.GetSessionAttributesAsync(token);
        Assert.NotNull(received);
        Assert.Equal(87, received.Age);
        Assert.Null(received.MunicipalityCode); // the receiver did not register for it
        Assert.Equal([4], received.LifeSituationMeters!["housing"]);
        Assert.Null(await client.GetSessionAttributesAsync(token)); // single use
        Assert.Null(await client.GetSessionAttributesAsync("not-a-token"));

        Assert.All(logs.Entries, entry =>
        {
            Assert.DoesNotContain(token, entry);
            Assert.DoesNotMatch(@"(?<![\w.])(87|698)(?![\w.])", entry); // values alone; not durations like "87.6967ms"
        });
    }

    [Fact]
    public async Task A_refusal_is_a_request_exception_with_the_status()
    {
        await using var services = ClientFactory.Create(_server.BaseAddress);
        var refused = await Assert.ThrowsAsync<AuroraAiRequestException>(() =>
            services.Client().SendFeedbackAsync(new RecommendationFeedback { AuroraaiRecommendationId = 999999, FeedbackScore = 1 }));
        Assert.Equal(404, refused.StatusCode);
    }

    [Fact]
    public async Task Attributes_breaking_the_schema_are_refused_before_sending()
    {
        await using var stub = await StubServer.StartAsync(ctx => ctx.Response.WriteAsync("unused"));
        await using var services = ClientFactory.Create(stub.BaseAddress);
        var client = services.Client();
        foreach (var attributes in new[]
        {
            new SessionAttributes(),
            new SessionAttributes { Age = 201 },
            new SessionAttributes { MunicipalityCode = "999" },
            new SessionAttributes { LifeSituationMeters = [] },
            new SessionAttributes { LifeSituationMeters = new() { ["happiness"] = [5] } },
            new SessionAttributes { LifeSituationMeters = new() { ["health"] = [11] } },
        })
        {
            var refused = await Assert.ThrowsAsync<AuroraAiRequestException>(() =>
                client.PostSessionAttributesAsync(new SessionTransferRequest { ServiceChannelId = ReceiverChannel, SessionAttributes = attributes }));
            Assert.Equal(400, refused.StatusCode);
        }
        await Assert.ThrowsAsync<AuroraAiRequestException>(() => client.RecommendServiceAsync(new RecommendServiceRequest()));
        await Assert.ThrowsAsync<AuroraAiRequestException>(() => client.TextSearchAsync(new TextSearchRequest { SearchText = "" }));
        Assert.Equal(0, stub.Hits);
    }
}

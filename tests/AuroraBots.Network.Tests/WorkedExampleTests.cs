using System.Net;
using System.Text.Json;
using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary>The reference's worked example (§1.10): the request of the original test suite and its documented answer.</summary>
public sealed class WorkedExampleTests : IAsyncLifetime
{
    private const string Request = """
        {"life_situation_meters": {"working_studying":[7],"family":[7],"friends":[7],"health":[7],
          "improvement_of_strengths":[0,1],"housing":[7],"finance":[7],"self_esteem":[7],
          "resilience":[7],"life_satisfaction":[7]},
         "session_id": "test_session", "limit": 3,
         "service_filters": {"include_national_services": false, "municipality_codes": ["091"]}}
        """;

    private NetworkServer _server = null!;

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Returns_the_documented_services_scores_and_ranks()
    {
        using var response = await _server.PostAsync("service-recommender/v1/recommend_service", Request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = json.RootElement.GetProperty("recommended_services").EnumerateArray().ToList();

        Assert.Equal(["d64476db-f2df-4699-bb6a-1bfae007577a", "b9e2ff7d-3d18-476d-94e0-4a818f1136d6", "e7df7411-64ef-48ef-ad5f-eebacde480e2"],
            services.Select(s => s.GetProperty("service_id").GetString()));
        Assert.Equal([0.707018, 0.401718, 0.328001], services.Select(s => Math.Round(s.GetProperty("similarity_score").GetDouble(), 6)));
        Assert.Equal([1, 2, 3], services.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("auroraai_recommendation_id").ValueKind);
    }

    [Fact]
    public async Task Formats_the_first_service_like_the_original()
    {
        using var response = await _server.PostAsync("service-recommender/v1/recommend_service", Request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var recommendationId = json.RootElement.GetProperty("auroraai_recommendation_id").GetInt64();
        var first = json.RootElement.GetProperty("recommended_services")[0];

        Assert.Equal("Taideopetus kulttuurikeskuksissa", first.GetProperty("service_name").GetString());
        Assert.Equal(["KR1"], first.GetProperty("target_groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["744c4b61-fde5-4d23-a844-cee5728b9119"], first.GetProperty("service_collections").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("funding_type").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("areas").ValueKind);
        Assert.Equal("", first.GetProperty("service_description").GetString());

        // The channel without a type and the archived channel are dropped.
        var channels = first.GetProperty("service_channels").EnumerateArray().ToList();
        Assert.Equal(["f283c2dc-8223-408a-8a73-1d62489e1f58", "fadd4cc4-4a00-4002-afb1-bbcfacdde5c1", "d589d34d-7dc1-4e25-af7b-dfd2ee9bf062"],
            channels.Select(c => c.GetProperty("service_channel_id").GetString()));
        Assert.Equal(["EChannel", "Phone", "PrintableForm"], channels.Select(c => c.GetProperty("service_channel_type").GetString()));

        var echannel = channels[0];
        Assert.Equal("channel_name2", echannel.GetProperty("service_channel_name").GetString());
        Assert.Equal("", echannel.GetProperty("location").GetString());
        Assert.False(echannel.GetProperty("session_transfer").GetBoolean());
        var echannelLink = Assert.Single(echannel.GetProperty("web_pages").EnumerateArray()).GetString()!;
        Assert.EndsWith($"/service-recommender/v1/redirect?service_id=d64476db-f2df-4699-bb6a-1bfae007577a&service_channel_id=f283c2dc-8223-408a-8a73-1d62489e1f58&link_id=0&recommendation_id={recommendationId}&session_id=test_session", echannelLink);

        // session_id only travels on EChannel links.
        var formLink = Assert.Single(channels[2].GetProperty("web_pages").EnumerateArray()).GetString()!;
        Assert.EndsWith($"&link_id=0&recommendation_id={recommendationId}", formLink);
        Assert.DoesNotContain("session_id", formLink);
    }

    [Fact]
    public async Task The_tracking_link_redirects_to_the_channel_page()
    {
        using var response = await _server.PostAsync("service-recommender/v1/recommend_service", Request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var channels = json.RootElement.GetProperty("recommended_services")[0].GetProperty("service_channels");
        var echannelLink = channels[0].GetProperty("web_pages")[0].GetString()!;
        var formLink = channels[2].GetProperty("web_pages")[0].GetString()!;

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var echannel = await noRedirects.GetAsync(echannelLink);
        Assert.Equal(HttpStatusCode.Redirect, echannel.StatusCode);
        Assert.Equal("https://example.com/channel2?session_id=test_session", echannel.Headers.Location!.AbsoluteUri);

        using var form = await noRedirects.GetAsync(formLink);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("https://example.com/form?lang=fi", form.Headers.Location!.AbsoluteUri); // existing query kept intact
    }
}

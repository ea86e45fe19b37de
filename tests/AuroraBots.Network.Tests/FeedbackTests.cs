using System.Net;
using System.Text.Json;
using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary><c>recommendation_feedback</c> (§1.5): feedback must quote a recommendation and its services.</summary>
public sealed class FeedbackTests : IAsyncLifetime
{
    private const string Feedback = "service-recommender/v1/recommendation_feedback";
    private NetworkServer _server = null!;

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(long Id, string ServiceId)> RecommendAsync()
    {
        using var response = await _server.PostAsync("service-recommender/v1/recommend_service", """{"life_situation_meters": {"family": [2]}}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("auroraai_recommendation_id").GetInt64(),
            json.RootElement.GetProperty("recommended_services")[0].GetProperty("service_id").GetString()!);
    }

    [Fact]
    public async Task Feedback_on_a_recommended_service_is_accepted()
    {
        var (id, serviceId) = await RecommendAsync();
        using var response = await _server.PostAsync(Feedback, $$$"""{"auroraai_recommendation_id": {{{id}}}, "feedback_score": 1, "service_feedbacks": [{"service_id": "{{{serviceId}}}", "feedback_score": -1}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_recommendation_is_404()
    {
        using var response = await _server.PostAsync(Feedback, """{"auroraai_recommendation_id": 987654, "feedback_score": 1}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Invalid recommendation_id: 987654", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Service_not_in_that_recommendation_is_404()
    {
        var (id, _) = await RecommendAsync();
        using var response = await _server.PostAsync(Feedback, $$$"""{"auroraai_recommendation_id": {{{id}}}, "service_feedbacks": [{"service_id": "33333333-3333-4333-8333-333333333333", "feedback_score": 1}]}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Invalid service id: 33333333-3333-4333-8333-333333333333", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_search_and_empty_results_also_get_recommendation_ids()
    {
        using var search = await _server.PostAsync("service-recommender/v1/text_search", """{"search_text": "zzzzqqqq"}""");
        using var json = JsonDocument.Parse(await search.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("recommended_services").EnumerateArray());
        var id = json.RootElement.GetProperty("auroraai_recommendation_id").GetInt64();
        using var feedback = await _server.PostAsync(Feedback, $$$"""{"auroraai_recommendation_id": {{{id}}}, "feedback_score": -1}""");
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
    }

    [Fact]
    public async Task Redirect_links_outside_a_recommendation_are_404()
    {
        var (id, _) = await RecommendAsync();
        using var response = await _server.Http.GetAsync(
            $"service-recommender/v1/redirect?service_id=33333333-3333-4333-8333-333333333333&service_channel_id=f283c2dc-8223-408a-8a73-1d62489e1f58&link_id=0&recommendation_id={id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var badLink = await _server.Http.GetAsync("service-recommender/v1/redirect?service_id=x&link_id=99");
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
    }
}

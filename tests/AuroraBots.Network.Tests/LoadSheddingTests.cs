using System.Net;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Network.Tests;

/// <summary>Over the concurrency limit the service answers 503 at once instead of queueing (§1.2, §8.13).</summary>
public sealed class LoadSheddingTests
{
    /// <summary>A recommender that holds every request until the test opens the gate, or fails on demand.</summary>
    private sealed class GatedRecommender : IServiceRecommender
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Fail { get; set; }

        public async Task<RecommendationResponse> RecommendAsync(RecommendQuery query, CallerInfo caller, string baseUrl, CancellationToken ct)
        {
            if (Fail) throw new InvalidOperationException("simulated failure");
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(ct);
            return new RecommendationResponse { AuroraaiRecommendationId = 1 };
        }

        public Task<RecommendationResponse> TextSearchAsync(TextSearchQuery query, CallerInfo caller, string baseUrl, CancellationToken ct) =>
            RecommendAsync(null!, caller, baseUrl, ct);
    }

    private const string Body = """{"life_situation_meters": {"health": [3]}}""";

    [Fact]
    public async Task Requests_over_the_limit_get_503_and_the_slot_is_released_afterwards()
    {
        var recommender = new GatedRecommender();
        await using var server = await NetworkServer.StartAsync(
            settings: new Dictionary<string, string?> { ["AuroraAI:Network:MaxConcurrentRecommendations"] = "1" },
            configureServices: s => s.AddSingleton<IServiceRecommender>(recommender));

        var held = server.PostAsync("service-recommender/v1/recommend_service", Body);
        await recommender.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var busy = await server.PostAsync("service-recommender/v1/text_search", """{"search_text": "asuminen"}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("Server busy.", await busy.Content.ReadAsStringAsync());

        recommender.Gate.SetResult();
        using var first = await held;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var after = await server.PostAsync("service-recommender/v1/recommend_service", Body);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_failing_request_does_not_leak_its_slot()
    {
        var recommender = new GatedRecommender { Fail = true };
        recommender.Gate.SetResult();
        await using var server = await NetworkServer.StartAsync(
            settings: new Dictionary<string, string?> { ["AuroraAI:Network:MaxConcurrentRecommendations"] = "1" },
            configureServices: s => s.AddSingleton<IServiceRecommender>(recommender));

        using var failed = await server.PostAsync("service-recommender/v1/recommend_service", Body);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        recommender.Fail = false;
        using var next = await server.PostAsync("service-recommender/v1/recommend_service", Body);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}

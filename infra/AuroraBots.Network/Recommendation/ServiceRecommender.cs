using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Recommendation;

/// <summary>Scores, optionally reranks, records and formats recommendations (the original's blueprint handlers).</summary>
internal sealed class ServiceRecommender(
    ServiceCatalogue catalogue,
    RecommendationLog log,
    ResultFormatter formatter,
    IOptions<NetworkOptions> options,
    ILogger<ServiceRecommender> logger) : IServiceRecommender
{
    private readonly TextSearchScorer _textSearch = new(options.Value.TextSearch);

    public Task<RecommendationResponse> RecommendAsync(RecommendQuery query, CallerInfo caller, string baseUrl, CancellationToken cancellationToken)
    {
        var snapshot = catalogue.Current;
        var scored = LifeSituationScorer.Score(snapshot, query.Meters, query.Filters, query.Limit);
        return Task.FromResult(Finish(snapshot, scored, query.Rerank, query.Limit, query.SessionId, caller, baseUrl, "/service-recommender/v1/recommend_service"));
    }

    public Task<RecommendationResponse> TextSearchAsync(TextSearchQuery query, CallerInfo caller, string baseUrl, CancellationToken cancellationToken)
    {
        var snapshot = catalogue.Current;
        // Like the original, reranking looks at one extra candidate.
        var scored = _textSearch.Score(snapshot, query.SearchText, query.Language, query.Filters, query.Rerank ? query.Limit + 1 : query.Limit);
        return Task.FromResult(Finish(snapshot, scored, query.Rerank, query.Limit, null, caller, baseUrl, "/service-recommender/v1/text_search"));
    }

    private RecommendationResponse Finish(
        CatalogueSnapshot snapshot, List<ScoredService> scored, bool rerank, int limit, string? sessionId,
        CallerInfo caller, string baseUrl, string path)
    {
        if (rerank)
            scored = Reranker.Rerank(scored, s => log.RedirectsFrom(caller.CallingService, snapshot.Services[s.Position].ServiceId), limit);
        var record = log.Add(scored.Select(s => snapshot.Services[s.Position].ServiceId), caller.CallingService, sessionId, path);
        logger.LogInformation("Recommendation {RecommendationId} for client {ClientId} on {Path}: {Count} services",
            record.Id, caller.ClientId, path, scored.Count);
        return formatter.Format(snapshot, scored, record.Id, sessionId, baseUrl);
    }
}

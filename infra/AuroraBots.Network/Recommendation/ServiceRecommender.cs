using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Recommendation;

/// <summary>Scores, optionally reranks, records and formats recommendations (the original's blueprint handlers).</summary>
internal sealed class ServiceRecommender(
    ServiceCatalogue catalogue,
    IRecommendationLog log,
    ResultFormatter formatter,
    IOptions<NetworkOptions> options,
    ILogger<ServiceRecommender> logger) : IServiceRecommender
{
    private readonly TextSearchScorer _textSearch = new(options.Value.TextSearch);

    public Task<RecommendationResponse> RecommendAsync(RecommendQuery query, CallerInfo caller, string baseUrl, CancellationToken cancellationToken)
    {
        var snapshot = catalogue.Current;
        var scored = LifeSituationScorer.Score(snapshot, query.Meters, query.Filters, query.Limit);
        return FinishAsync(snapshot, scored, query.Rerank, query.Limit, query.SessionId, caller, baseUrl, "/service-recommender/v1/recommend_service", cancellationToken);
    }

    public Task<RecommendationResponse> TextSearchAsync(TextSearchQuery query, CallerInfo caller, string baseUrl, CancellationToken cancellationToken)
    {
        var snapshot = catalogue.Current;
        // Like the original, reranking looks at one extra candidate.
        var scored = _textSearch.Score(snapshot, query.SearchText, query.Language, query.Filters, query.Rerank ? query.Limit + 1 : query.Limit);
        return FinishAsync(snapshot, scored, query.Rerank, query.Limit, null, caller, baseUrl, "/service-recommender/v1/text_search", cancellationToken);
    }

    private async Task<RecommendationResponse> FinishAsync(
        CatalogueSnapshot snapshot, List<ScoredService> scored, bool rerank, int limit, string? sessionId,
        CallerInfo caller, string baseUrl, string path, CancellationToken cancellationToken)
    {
        if (rerank)
        {
            var redirects = await log.RedirectsFromAsync(caller.CallingService, [.. scored.Select(s => snapshot.Services[s.Position].ServiceId)], cancellationToken);
            scored = Reranker.Rerank(scored, s => redirects.GetValueOrDefault(snapshot.Services[s.Position].ServiceId), limit);
        }
        var record = await log.AddAsync(scored.Select(s => snapshot.Services[s.Position].ServiceId), caller.CallingService, sessionId, path, cancellationToken);
        logger.LogInformation("Recommendation {RecommendationId} for client {ClientId} on {Path}: {Count} services",
            record.Id, caller.ClientId, path, scored.Count);
        return formatter.Format(snapshot, scored, record.Id, sessionId, baseUrl);
    }
}

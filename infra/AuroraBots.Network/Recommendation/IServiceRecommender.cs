using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Network.Recommendation;

/// <summary>The recommender behind <c>recommend_service</c> and <c>text_search</c> (replaceable in tests).</summary>
public interface IServiceRecommender
{
    Task<RecommendationResponse> RecommendAsync(RecommendQuery query, CallerInfo caller, string baseUrl, CancellationToken cancellationToken);

    Task<RecommendationResponse> TextSearchAsync(TextSearchQuery query, CallerInfo caller, string baseUrl, CancellationToken cancellationToken);
}

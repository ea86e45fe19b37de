namespace AuroraBots.Network.Recommendation;

/// <summary>A stored recommendation: what feedback and redirect links are checked against.</summary>
public sealed record RecommendationRecord(
    long Id, IReadOnlySet<string> ServiceIds, string CallingService, string? SessionId, string RequestPath, DateTimeOffset Created);

/// <summary>
/// The recommender's <c>recommendation</c>, <c>recommendation_service</c>, feedback and redirect tables: in memory
/// (<see cref="MemoryRecommendationLog"/>) for the single-process run, in Redis (<see cref="RedisRecommendationLog"/>)
/// when the platform uses Redis, so an id issued by one instance is valid for feedback and redirects on every instance
/// and the reranker counts every instance's clicks. Holds no request bodies (so no personal data) and no tokens.
/// </summary>
public interface IRecommendationLog
{
    Task<RecommendationRecord> AddAsync(IEnumerable<string> serviceIds, string callingService, string? sessionId, string requestPath, CancellationToken cancellationToken);

    Task<RecommendationRecord?> FindAsync(long id, CancellationToken cancellationToken);

    Task AddFeedbackAsync(long recommendationId, string? serviceId, int score, CancellationToken cancellationToken);

    Task AddRedirectAsync(RecommendationRecord recommendation, string serviceId, CancellationToken cancellationToken);

    /// <summary>The reranker's dominant feature: clicks on each of these services from the same calling service.</summary>
    Task<IReadOnlyDictionary<string, int>> RedirectsFromAsync(string callingService, IReadOnlyList<string> serviceIds, CancellationToken cancellationToken);
}

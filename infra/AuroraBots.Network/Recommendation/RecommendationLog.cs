using System.Collections.Concurrent;

namespace AuroraBots.Network.Recommendation;

/// <summary>A stored recommendation: what feedback and redirect links are checked against.</summary>
public sealed record RecommendationRecord(
    long Id, IReadOnlySet<string> ServiceIds, string CallingService, string? SessionId, string RequestPath, DateTimeOffset Created);

/// <summary>
/// In-memory replacement of the recommender's <c>recommendation</c>, <c>recommendation_service</c>, feedback and
/// redirect tables. Bounded: the oldest recommendations are dropped beyond the configured maximum. Holds no
/// request bodies (so no personal data) and no tokens.
/// </summary>
public sealed class RecommendationLog(int capacity, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, RecommendationRecord> _records = new();
    private readonly ConcurrentQueue<long> _order = new();
    private readonly ConcurrentDictionary<(string CallingService, string ServiceId), int> _redirects = new();
    private readonly ConcurrentQueue<(long RecommendationId, string? ServiceId, int Score, DateTimeOffset At)> _feedback = new();
    private long _lastId;

    public RecommendationRecord Add(IEnumerable<string> serviceIds, string callingService, string? sessionId, string requestPath)
    {
        var record = new RecommendationRecord(
            Interlocked.Increment(ref _lastId), serviceIds.ToHashSet(StringComparer.Ordinal), callingService, sessionId, requestPath, time.GetUtcNow());
        _records[record.Id] = record;
        _order.Enqueue(record.Id);
        while (_records.Count > capacity && _order.TryDequeue(out var oldest))
            _records.TryRemove(oldest, out _);
        return record;
    }

    public RecommendationRecord? Find(long id) => _records.GetValueOrDefault(id);

    public void AddFeedback(long recommendationId, string? serviceId, int score)
    {
        _feedback.Enqueue((recommendationId, serviceId, score, time.GetUtcNow()));
        while (_feedback.Count > capacity && _feedback.TryDequeue(out _)) { }
    }

    public int FeedbackCount => _feedback.Count;

    public void AddRedirect(RecommendationRecord recommendation, string serviceId) =>
        _redirects.AddOrUpdate((recommendation.CallingService, serviceId), 1, (_, n) => n + 1);

    /// <summary>The reranker's dominant feature: clicks on this service from the same calling service.</summary>
    public int RedirectsFrom(string callingService, string serviceId) => _redirects.GetValueOrDefault((callingService, serviceId));
}

using System.Collections.Concurrent;

namespace AuroraBots.Network.Recommendation;

/// <summary>The recommendation log in this process's memory. Bounded: the oldest recommendations are dropped beyond the capacity.</summary>
public sealed class MemoryRecommendationLog(int capacity, TimeProvider time) : IRecommendationLog
{
    private readonly ConcurrentDictionary<long, RecommendationRecord> _records = new();
    private readonly ConcurrentQueue<long> _order = new();
    private readonly ConcurrentDictionary<(string CallingService, string ServiceId), int> _redirects = new();
    private readonly ConcurrentQueue<(long RecommendationId, string? ServiceId, int Score, DateTimeOffset At)> _feedback = new();
    private long _lastId;

    public Task<RecommendationRecord> AddAsync(IEnumerable<string> serviceIds, string callingService, string? sessionId, string requestPath, CancellationToken cancellationToken)
    {
        var record = new RecommendationRecord(
            Interlocked.Increment(ref _lastId), serviceIds.ToHashSet(StringComparer.Ordinal), callingService, sessionId, requestPath, time.GetUtcNow());
        _records[record.Id] = record;
        _order.Enqueue(record.Id);
        while (_records.Count > capacity && _order.TryDequeue(out var oldest))
            _records.TryRemove(oldest, out _);
        return Task.FromResult(record);
    }

    public Task<RecommendationRecord?> FindAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_records.GetValueOrDefault(id));

    public Task AddFeedbackAsync(long recommendationId, string? serviceId, int score, CancellationToken cancellationToken)
    {
        _feedback.Enqueue((recommendationId, serviceId, score, time.GetUtcNow()));
        while (_feedback.Count > capacity && _feedback.TryDequeue(out _)) { }
        return Task.CompletedTask;
    }

    public int FeedbackCount => _feedback.Count;

    public Task AddRedirectAsync(RecommendationRecord recommendation, string serviceId, CancellationToken cancellationToken)
    {
        _redirects.AddOrUpdate((recommendation.CallingService, serviceId), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, int>> RedirectsFromAsync(string callingService, IReadOnlyList<string> serviceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(serviceIds.Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => _redirects.GetValueOrDefault((callingService, id)), StringComparer.Ordinal));
}

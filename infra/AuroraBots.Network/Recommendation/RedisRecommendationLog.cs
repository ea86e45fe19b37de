using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.Network.Recommendation;

/// <summary>
/// The recommendation log in Redis: ids from one counter (<c>INCR</c>, so unique across instances), each record a
/// hash expiring after <see cref="NetworkOptions.RecommendationRetention"/>, feedback in a stream capped at
/// <see cref="NetworkOptions.MaxStoredRecommendations"/> entries, redirect counts in a hash per calling service.
/// </summary>
public sealed class RedisRecommendationLog(IConnectionMultiplexer redis, IOptions<NetworkOptions> options, TimeProvider time) : IRecommendationLog
{
    private readonly NetworkOptions _options = options.Value;

    private RedisKey Key(string name) => _options.RedisKeyPrefix + name;

    private RedisKey RecordKey(long id) => Key("recommendation:" + id.ToString(CultureInfo.InvariantCulture));

    public async Task<RecommendationRecord> AddAsync(IEnumerable<string> serviceIds, string callingService, string? sessionId, string requestPath, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var id = await db.StringIncrementAsync(Key("recommendation:last-id")).WaitAsync(cancellationToken).ConfigureAwait(false);
        var record = new RecommendationRecord(id, serviceIds.ToHashSet(StringComparer.Ordinal), callingService, sessionId, requestPath, time.GetUtcNow());
        var transaction = db.CreateTransaction();
        _ = transaction.HashSetAsync(RecordKey(id),
        [
            new("services", string.Join(',', record.ServiceIds)), new("caller", callingService), new("session", sessionId ?? ""),
            new("path", requestPath), new("created", record.Created.ToUnixTimeMilliseconds()),
        ]);
        _ = transaction.KeyExpireAsync(RecordKey(id), _options.RecommendationRetention);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<RecommendationRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var fields = await redis.GetDatabase().HashGetAsync(RecordKey(id), ["services", "caller", "session", "path", "created"])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (fields[1].IsNull) return null;
        var session = (string)fields[2]!;
        return new RecommendationRecord(id,
            ((string)fields[0]!).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            (string)fields[1]!, session.Length == 0 ? null : session, (string)fields[3]!,
            DateTimeOffset.FromUnixTimeMilliseconds((long)fields[4]));
    }

    public Task AddFeedbackAsync(long recommendationId, string? serviceId, int score, CancellationToken cancellationToken) =>
        redis.GetDatabase().StreamAddAsync(Key("feedback"),
        [
            new("recommendation", recommendationId), new("service", serviceId ?? ""), new("score", score),
            new("at", time.GetUtcNow().ToUnixTimeMilliseconds()),
        ], maxLength: _options.MaxStoredRecommendations, useApproximateMaxLength: true).WaitAsync(cancellationToken);

    public Task AddRedirectAsync(RecommendationRecord recommendation, string serviceId, CancellationToken cancellationToken) =>
        redis.GetDatabase().HashIncrementAsync(Key("redirects:" + recommendation.CallingService), serviceId).WaitAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> RedirectsFromAsync(string callingService, IReadOnlyList<string> serviceIds, CancellationToken cancellationToken)
    {
        var distinct = serviceIds.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0) return new Dictionary<string, int>();
        var counts = await redis.GetDatabase().HashGetAsync(Key("redirects:" + callingService), [.. distinct.Select(id => (RedisValue)id)])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return distinct.Select((id, i) => (id, n: counts[i].IsNull ? 0 : (int)counts[i])).ToDictionary(x => x.id, x => x.n, StringComparer.Ordinal);
    }
}

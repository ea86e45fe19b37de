using System.Text.Json;
using AuroraBots.Editor.Storage;
using StackExchange.Redis;

namespace AuroraBots.Editor.Reviews;

/// <summary>The hash <c>{prefix}editor:reviews</c> (id → JSON), shared by every host instance.</summary>
public sealed class RedisReviewStore(RedisEditorConnection redis) : IReviewStore
{
    private readonly RedisKey _key = redis.KeyPrefix + "editor:reviews";

    public async Task<IReadOnlyList<Review>> ListAsync(CancellationToken cancellationToken)
    {
        var values = await redis.RunAsync(db => db.HashValuesAsync(_key));
        return [.. values.Select(v => JsonSerializer.Deserialize((string)v!, EditorJsonContext.Default.Review)!).OrderByDescending(r => r.Submitted)];
    }

    public Task SaveAsync(Review review, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashSetAsync(_key, review.Id, JsonSerializer.Serialize(review, EditorJsonContext.Default.Review)));
}

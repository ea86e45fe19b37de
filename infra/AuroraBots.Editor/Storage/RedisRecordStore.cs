using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StackExchange.Redis;

namespace AuroraBots.Editor.Storage;

/// <summary>Records in the Redis hash <c>{prefix}editor:{name}</c> (key → JSON).</summary>
public sealed class RedisRecordStore<T>(RedisEditorConnection redis, string name, JsonTypeInfo<T> json, Func<T, string> keyOf) : IRecordStore<T>
{
    private readonly RedisKey _hash = redis.KeyPrefix + "editor:" + name;

    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken)
    {
        var values = await redis.RunAsync(db => db.HashValuesAsync(_hash));
        return [.. values.Select(v => JsonSerializer.Deserialize((string)v!, json)!)];
    }

    public Task SaveAsync(T record, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashSetAsync(_hash, keyOf(record), JsonSerializer.Serialize(record, json)));

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashDeleteAsync(_hash, key));
}

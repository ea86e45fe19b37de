using System.Text.Json;
using AuroraBots.Editor.Storage;
using StackExchange.Redis;

namespace AuroraBots.Editor.Users;

/// <summary>The hash <c>{prefix}editor:users</c> (lower-case name → JSON), so every host instance signs in the same users.</summary>
public sealed class RedisEditorUserStore(RedisEditorConnection redis) : IEditorUserStore
{
    private readonly RedisKey _key = redis.KeyPrefix + "editor:users";

    public async Task<IReadOnlyList<ManagedUser>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await redis.RunAsync(db => db.HashValuesAsync(_key));
        return [.. entries.Select(json => JsonSerializer.Deserialize((string)json!, EditorJsonContext.Default.ManagedUser)!).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public Task SaveAsync(ManagedUser user, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashSetAsync(_key, user.Name.ToLowerInvariant(), JsonSerializer.Serialize(user, EditorJsonContext.Default.ManagedUser)));

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashDeleteAsync(_key, name.ToLowerInvariant()));
}

using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>Uploads in Redis as hashes (<c>upload:{id}</c>: type, name, data) with a TTL of <see cref="DirectLineOptions.UploadRetention"/>.</summary>
public sealed class RedisAttachmentStore(RedisConnection redis, IOptions<DirectLineOptions> options) : IAttachmentStore
{
    private RedisKey Key(string id) => $"{redis.KeyPrefix}upload:{id}";

    public Task PutAsync(string id, StoredAttachment attachment, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var batch = db.CreateTransaction();
            _ = batch.HashSetAsync(Key(id), [new("type", attachment.ContentType), new("name", attachment.FileName), new("data", attachment.Content)]);
            _ = batch.KeyExpireAsync(Key(id), options.Value.UploadRetention);
            return await batch.ExecuteAsync().ConfigureAwait(false);
        });

    public Task<StoredAttachment?> GetAsync(string id, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var fields = await db.HashGetAsync(Key(id), ["type", "name", "data"]).ConfigureAwait(false);
            if (fields[2].IsNull) return null;
            return new StoredAttachment(fields[0].ToString(), fields[1].ToString(), (byte[])fields[2]!);
        });
}

using System.Text.Json;
using StackExchange.Redis;

namespace AuroraBots.Handoff.Ledger;

/// <summary>
/// The ledger in Redis, shared by every host instance. Keys (under the configured prefix):
/// <c>receipt:{id}</c> JSON, <c>subject:{pseudonym}</c> sorted set of receipt ids by time,
/// <c>token:{sha256}</c> receipt id, <c>redeemed:{sha256}</c> replay guard. Everything expires after the retention.
/// </summary>
public sealed class RedisConsentLedger(HandoffRedis redis, string keyPrefix, TimeSpan retention) : IConsentLedger
{
    private RedisKey ReceiptKey(string id) => $"{keyPrefix}receipt:{id}";
    private RedisKey SubjectKey(string subject) => $"{keyPrefix}subject:{subject}";
    private RedisKey TokenKey(string hash) => $"{keyPrefix}token:{hash}";
    private RedisKey RedeemedKey(string hash) => $"{keyPrefix}redeemed:{hash}";

    public async Task AddAsync(ConsentReceipt receipt, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        await Guard(async () =>
        {
            var tx = db.CreateTransaction();
            tx.AddCondition(Condition.KeyNotExists(ReceiptKey(receipt.Id)));
            _ = tx.StringSetAsync(ReceiptKey(receipt.Id), Serialize(receipt), retention);
            _ = tx.SortedSetAddAsync(SubjectKey(receipt.Subject), receipt.Id, receipt.CreatedAt.ToUnixTimeMilliseconds());
            _ = tx.KeyExpireAsync(SubjectKey(receipt.Subject), retention);
            if (receipt.TokenHash is not null)
                _ = tx.StringSetAsync(TokenKey(receipt.TokenHash), receipt.Id, retention);
            if (!await tx.ExecuteAsync())
                throw new InvalidOperationException($"Consent receipt {receipt.Id} already exists.");
        });
    }

    public async Task UpdateAsync(ConsentReceipt receipt, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        await Guard(async () =>
        {
            // Optimistic concurrency: a revocation that lands in between wins and we retry on top of it.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var raw = await db.StringGetAsync(ReceiptKey(receipt.Id));
                if (raw.IsNull) return;
                var current = Deserialize(raw!);
                var next = receipt with { RevokedAt = current.RevokedAt ?? receipt.RevokedAt };
                var tx = db.CreateTransaction();
                tx.AddCondition(Condition.StringEqual(ReceiptKey(receipt.Id), raw));
                _ = tx.StringSetAsync(ReceiptKey(receipt.Id), Serialize(next), retention);
                if (next.TokenHash is not null)
                    _ = tx.StringSetAsync(TokenKey(next.TokenHash), next.Id, retention);
                if (await tx.ExecuteAsync()) return;
            }
            throw new ConsentLedgerUnavailableException($"Consent receipt {receipt.Id} kept changing; update abandoned.");
        });
    }

    public async Task<ConsentReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        return await Guard(async () =>
        {
            var raw = await db.StringGetAsync(ReceiptKey(receiptId));
            return raw.IsNull ? null : Deserialize(raw!);
        });
    }

    public async Task<ConsentReceipt?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        var id = await Guard(async () => await db.StringGetAsync(TokenKey(tokenHash)));
        return id.IsNull ? null : await GetAsync(id!, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentReceipt>> ListAsync(string subject, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        return await Guard(async () =>
        {
            var ids = await db.SortedSetRangeByRankAsync(SubjectKey(subject), order: Order.Descending);
            if (ids.Length == 0) return (IReadOnlyList<ConsentReceipt>)[];
            var values = await db.StringGetAsync([.. ids.Select(id => ReceiptKey(id!))]);
            return [.. values.Where(v => !v.IsNull).Select(v => Deserialize(v!))];
        });
    }

    public async Task<ConsentReceipt?> RevokeAsync(string subject, string receiptId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        return await Guard(async () =>
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var raw = await db.StringGetAsync(ReceiptKey(receiptId));
                if (raw.IsNull) return null;
                var receipt = Deserialize(raw!);
                if (receipt.Subject != subject) return null;
                if (receipt.RevokedAt is not null) return receipt;
                var revoked = receipt with { RevokedAt = now };
                var tx = db.CreateTransaction();
                tx.AddCondition(Condition.StringEqual(ReceiptKey(receiptId), raw));
                _ = tx.StringSetAsync(ReceiptKey(receiptId), Serialize(revoked), retention);
                if (await tx.ExecuteAsync()) return revoked;
            }
            throw new ConsentLedgerUnavailableException($"Consent receipt {receiptId} kept changing; revocation not confirmed.");
        });
    }

    public async Task<bool> TryMarkRedeemedAsync(string tokenHash, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        return await Guard(() => db.StringSetAsync(RedeemedKey(tokenHash), "1", keepFor, When.NotExists));
    }

    public async Task UnmarkRedeemedAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var db = await redis.DatabaseAsync(cancellationToken);
        await Guard(() => db.KeyDeleteAsync(RedeemedKey(tokenHash)));
    }

    private static string Serialize(ConsentReceipt receipt) => JsonSerializer.Serialize(receipt, LedgerJsonContext.Default.ConsentReceipt);

    private static ConsentReceipt Deserialize(string json) =>
        JsonSerializer.Deserialize(json, LedgerJsonContext.Default.ConsentReceipt)
        ?? throw new ConsentLedgerUnavailableException("A consent receipt in Redis is empty.");

    private static async Task Guard(Func<Task> action) => await Guard(async () => { await action(); return true; });

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try { return await action(); }
        catch (RedisException e) { throw new ConsentLedgerUnavailableException("The consent ledger (Redis) is not reachable.", e); }
        catch (TimeoutException e) { throw new ConsentLedgerUnavailableException("The consent ledger (Redis) timed out.", e); }
    }
}

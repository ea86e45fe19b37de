using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.Network.SessionTransfer;

/// <summary>
/// Session-transfer tokens in Redis, shared by every instance: a hash per token (under its SHA-256) that expires with
/// the token, and a set per (issuer, consent receipt) for revocation. Redeeming is one Lua script, so a single-use
/// token is consumed exactly once however many instances race for it.
/// </summary>
public sealed class RedisSessionTokenStore(IConnectionMultiplexer redis, IOptions<NetworkOptions> options, TimeProvider time) : ISessionTokenStore
{
    // Returns the grant's fields, or nil when unknown / for another receiver / revoked / expired / already used.
    private static readonly LuaScript RedeemScript = LuaScript.Prepare("""
        local f = redis.call('HMGET', @token, 'issuer', 'receiver', 'attributes', 'receipt', 'expires', 'used', 'revoked')
        if not f[1] then return nil end
        if @receiver ~= '' and f[2] ~= @receiver then return nil end
        if f[7] == '1' then return nil end
        if tonumber(f[5]) <= tonumber(@now) then redis.call('DEL', @token) return nil end
        if @singleUse == '1' then
          if f[6] == '1' then return nil end
          redis.call('HSET', @token, 'used', '1')
        end
        return { f[1], f[2], f[3], f[4] or '', f[5] }
        """);

    private static readonly LuaScript RevokeScript = LuaScript.Prepare("""
        local n = 0
        for _, key in ipairs(redis.call('SMEMBERS', @receipt)) do
          local f = redis.call('HMGET', key, 'issuer', 'revoked')
          if f[1] == @issuer and f[2] == '0' then redis.call('HSET', key, 'revoked', '1') n = n + 1 end
        end
        return n
        """);

    private readonly NetworkOptions _options = options.Value;

    private RedisKey TokenKey(string token) => $"{_options.RedisKeyPrefix}token:{SessionTokens.Key(token)}";

    private RedisKey ReceiptKey(string issuer, string receipt) => $"{_options.RedisKeyPrefix}receipt:{issuer}:{receipt}";

    public async Task<string> IssueAsync(string issuerClientId, string receiverClientId, string attributesJson, string? consentReceiptId, CancellationToken cancellationToken)
    {
        var token = SessionTokens.New();
        var key = TokenKey(token);
        var lifetime = _options.SessionTransfer.EffectiveLifetime;
        var expires = time.GetUtcNow() + lifetime;
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(key,
        [
            new("issuer", issuerClientId), new("receiver", receiverClientId), new("attributes", attributesJson),
            new("receipt", consentReceiptId ?? ""), new("expires", expires.ToUnixTimeMilliseconds()), new("used", "0"), new("revoked", "0"),
        ]);
        _ = transaction.KeyExpireAsync(key, lifetime);
        if (consentReceiptId is not null)
        {
            var receipt = ReceiptKey(issuerClientId, consentReceiptId);
            _ = transaction.SetAddAsync(receipt, key.ToString());
            _ = transaction.KeyExpireAsync(receipt, lifetime); // outlives every token it lists: each issue re-arms it
        }
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    public async Task<SessionGrant?> RedeemAsync(string token, string? requiredReceiver, CancellationToken cancellationToken)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(RedeemScript, new
        {
            token = TokenKey(token),
            receiver = requiredReceiver ?? "",
            now = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            singleUse = _options.SessionTransfer.Mode == SessionTokenMode.SingleUse ? "1" : "0",
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsNull) return null;
        var f = (RedisResult[])result!;
        var receipt = (string)f[3]!;
        return new SessionGrant((string)f[0]!, (string)f[1]!, (string)f[2]!, receipt.Length == 0 ? null : receipt,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)f[4]!, CultureInfo.InvariantCulture)));
    }

    public async Task<int> RevokeByReceiptAsync(string issuerClientId, string consentReceiptId, CancellationToken cancellationToken)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(RevokeScript, new
        {
            receipt = ReceiptKey(issuerClientId, consentReceiptId),
            issuer = issuerClientId,
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        return (int)result;
    }
}

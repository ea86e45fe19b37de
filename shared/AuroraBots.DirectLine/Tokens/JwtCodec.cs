using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AuroraBots.DirectLine.Tokens;

/// <summary>
/// HS256 JWTs (header.payload.signature, base64url). A JWT, rather than an opaque string, because DirectLineJS
/// and Web Chat read the <c>user</c> claim from the token to bind the user id.
/// </summary>
internal sealed class JwtCodec(byte[] key)
{
    private static readonly byte[] HeaderSegment =
        Encoding.ASCII.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));

    public string Encode(TokenClaims claims)
    {
        var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("bot", claims.BotId);
            writer.WriteString("conv", claims.ConversationId);
            if (claims.UserId is not null) writer.WriteString("user", claims.UserId);
            if (claims.UserName is not null) writer.WriteString("name", claims.UserName);
            if (claims.Locale is not null) writer.WriteString("locale", claims.Locale);
            if (claims.SiteMunicipality is not null) writer.WriteString("site_muni", claims.SiteMunicipality);
            if (claims.TrustedOrigins is { Count: > 0 } origins)
            {
                writer.WriteStartArray("origins");
                foreach (var origin in origins) writer.WriteStringValue(origin);
                writer.WriteEndArray();
            }
            writer.WriteString("scope", claims.Scope);
            writer.WriteNumber("iat", claims.IssuedAt.ToUnixTimeSeconds());
            writer.WriteNumber("exp", claims.ExpiresAt.ToUnixTimeSeconds());
            if (claims.FirstIssuedAt is { } first) writer.WriteNumber("orig_iat", first.ToUnixTimeSeconds());
            writer.WriteString("jti", Ids.NewRandomId(12));
            writer.WriteEndObject();
        }
        var signingInput = $"{Encoding.ASCII.GetString(HeaderSegment)}.{Base64Url.EncodeToString(payload.ToArray())}";
        return $"{signingInput}.{Base64Url.EncodeToString(Sign(signingInput))}";
    }

    /// <summary>Verifies the signature and parses the claims; null when the token is not one of ours.</summary>
    public TokenClaims? Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        byte[] signature;
        byte[] payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException) { return null; }
        var expected = Sign($"{parts[0]}.{parts[1]}");
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return null;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            return new TokenClaims
            {
                BotId = root.GetProperty("bot").GetString()!,
                ConversationId = root.GetProperty("conv").GetString()!,
                UserId = OptionalString(root, "user"),
                UserName = OptionalString(root, "name"),
                Locale = OptionalString(root, "locale"),
                SiteMunicipality = OptionalString(root, "site_muni"),
                TrustedOrigins = root.TryGetProperty("origins", out var origins)
                    ? [.. origins.EnumerateArray().Select(o => o.GetString()!)]
                    : null,
                Scope = root.GetProperty("scope").GetString()!,
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
                FirstIssuedAt = root.TryGetProperty("orig_iat", out var first) ? DateTimeOffset.FromUnixTimeSeconds(first.GetInt64()) : null,
                Id = OptionalString(root, "jti"),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { return null; }
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
}

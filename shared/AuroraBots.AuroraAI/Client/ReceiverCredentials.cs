using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AuroraBots.AuroraAI.Client;

/// <summary>An AuroraAI client registration: the Basic-auth user name and secret of one service.</summary>
public sealed class AuroraClientCredentials
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
}

/// <summary>
/// The AuroraAI client of each bot as a session-transfer <em>receiver</em>. A bot reads the attributes handed to
/// it with its own credentials, so the network can refuse a token issued for another receiver instead of handing
/// it to whoever holds it. Configured per bot under <c>AuroraAI:Client:Receivers:{botId}</c> (a real network's
/// onboarding); otherwise derived from the platform's client secret, which is what the embedded network registers
/// (the same on every instance sharing the configuration).
/// </summary>
public sealed class ReceiverCredentials(IOptionsMonitor<AuroraAiClientOptions> options)
{
    public AuroraClientCredentials For(string botId)
    {
        var current = options.CurrentValue;
        return current.Receivers.TryGetValue(botId, out var configured) && configured.ClientId.Length > 0
            ? configured
            : Derive(botId, current.ClientSecret);
    }

    /// <summary>A stable client id and a secret keyed by <paramref name="key"/>: nobody without the key can read as the bot.</summary>
    public static AuroraClientCredentials Derive(string botId, string key) => new()
    {
        ClientId = StableUuid4("aurorabots-bot:" + botId),
        ClientSecret = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("aurorabots-bot-secret:" + botId))),
    };

    /// <summary>A canonical lowercase UUIDv4 derived from <paramref name="name"/> (stable across restarts).</summary>
    public static string StableUuid4(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}

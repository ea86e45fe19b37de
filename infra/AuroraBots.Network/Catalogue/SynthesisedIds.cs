using System.Security.Cryptography;
using System.Text;

namespace AuroraBots.Network.Catalogue;

/// <summary>Deterministic, canonical lowercase UUIDv4-shaped ids for synthesised records (stable across runs).</summary>
internal static class SynthesisedIds
{
    public static string From(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}

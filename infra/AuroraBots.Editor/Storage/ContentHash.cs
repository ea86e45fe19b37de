using System.Security.Cryptography;
using System.Text;

namespace AuroraBots.Editor.Storage;

/// <summary>SHA-256 hashes used as ETags and version fingerprints.</summary>
public static class ContentHash
{
    public static string Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>A strong ETag for an HTTP header: the hash in quotes.</summary>
    public static string ETag(string content) => "\"" + Of(content)[..32] + "\"";

    /// <summary>One hash over a whole set of files (path + content), independent of order.</summary>
    public static string OfFiles(IReadOnlyDictionary<string, string> files) =>
        Of(string.Join("\n", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\0" + Of(f.Value))));
}

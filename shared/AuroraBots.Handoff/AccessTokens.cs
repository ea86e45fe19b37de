using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;

namespace AuroraBots.Handoff;

/// <summary>The session-transfer <c>auroraai_access_token</c>: 64 hex characters, carried in a URL query.</summary>
public static partial class AccessTokens
{
    public const string QueryParameter = "auroraai_access_token";

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Format();

    public static bool IsWellFormed(string? token) => token is not null && Format().IsMatch(token);

    /// <summary>The token in a URL returned by <c>POST session_attributes</c>, or null when the receiver accepted nothing.</summary>
    public static string? FromUrl(Uri url)
    {
        // The AuroraAI redirect quirk appends "?…" even to a URL that already has a query, so look at every part.
        var query = url.IsAbsoluteUri ? url.Query : url.OriginalString;
        foreach (var part in query.Split('?', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = HttpUtility.ParseQueryString(part)[QueryParameter];
            if (IsWellFormed(token)) return token;
        }
        return null;
    }

    /// <summary>SHA-256 of the token: the ledger links receipts to tokens without holding a usable token.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token.ToLowerInvariant())));
}

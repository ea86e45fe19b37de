using System.Security.Cryptography;
using System.Text;

namespace AuroraBots.Handoff.Ledger;

/// <summary>
/// Turns conversation/user ids into keyed pseudonyms (HMAC-SHA256). Without the key nobody can link a ledger
/// entry back to a conversation, and the same ids always give the same subject, so the user can list them.
/// </summary>
public sealed class SubjectPseudonymizer(byte[] key)
{
    private readonly byte[] _key = key.Length >= 16
        ? key
        : throw new ArgumentException("The subject key must be at least 16 bytes.", nameof(key));

    /// <summary>Pseudonym for the subject id the engine passes (itself already derived from the conversation and user ids).</summary>
    public string Pseudonymize(string subjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        return "s_" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(subjectId)))[..32];
    }

    /// <summary>Pseudonym straight from the raw ids (for callers that have not derived a subject id yet).</summary>
    public string Pseudonymize(string conversationId, string userId) =>
        Pseudonymize(conversationId + "\u001f" + userId);
}

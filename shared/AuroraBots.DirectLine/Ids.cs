using System.Buffers.Text;
using System.Security.Cryptography;

namespace AuroraBots.DirectLine;

/// <summary>
/// Random ids made only of <c>[A-Za-z0-9_-]</c>: DirectLineJS puts conversation ids, watermarks and user ids
/// into URLs without encoding them.
/// </summary>
public static class Ids
{
    public static string NewRandomId(int bytes = 16) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    public static bool IsUrlSafe(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 256 &&
        value.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>Id of the activity at <paramref name="sequence"/> in a conversation's log.</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}-{sequence:D7}";
}

using System.Text;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// User-supplied text put into a log message: control characters (a line break forges a new log line) are escaped
/// as <c>\uXXXX</c> and the text is cut to a short length, so what a user sends can never pose as a log entry.
/// </summary>
internal static class LogText
{
    public static string Of(string? text, int max = 80)
    {
        if (text is null) return "(none)";
        var builder = new StringBuilder(Math.Min(text.Length, max) + 8);
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029') builder.Append($"\\u{(int)c:x4}");
            else builder.Append(c);
        }
        return text.Length > max ? builder.Append('…').ToString() : builder.ToString();
    }
}

using System.Text;
using System.Text.Json;
using AuroraBots.Schema;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Serializes an activity whose id the store assigns: the JSON is cut around the id value, so a store can
/// splice the id in atomically (inside a Redis script) without parsing or re-encoding the activity.
/// </summary>
internal static class ActivityJson
{
    // Random per process and plain ASCII (never escaped); the id is serialized right after the type, so no
    // client text can precede it.
    private static readonly string Marker = "~id~" + Ids.NewRandomId(12);
    private static readonly byte[] QuotedMarker = Encoding.UTF8.GetBytes($"\"{Marker}\"");

    public static (byte[] Prefix, byte[] Suffix) Template(Activity activity)
    {
        var previous = activity.Id;
        activity.Id = Marker;
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity);
        activity.Id = previous;
        var at = json.AsSpan().IndexOf(QuotedMarker);
        // Keep the quotes in prefix and suffix: the store inserts the bare id.
        return (json[..(at + 1)], json[(at + QuotedMarker.Length - 1)..]);
    }

    public static byte[] Splice(byte[] prefix, string id, byte[] suffix) => [.. prefix, .. Encoding.UTF8.GetBytes(id), .. suffix];

    /// <summary>UTC milliseconds: the stored timestamp's precision.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}

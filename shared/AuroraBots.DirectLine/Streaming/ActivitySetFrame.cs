using System.Buffers;
using System.Globalization;
using System.Text;

namespace AuroraBots.DirectLine.Streaming;

/// <summary>
/// Builds <c>{"activities":[…],"watermark":"N"}</c> from already-serialized activities, so fan-out never
/// re-serializes. The only frames the channel ever sends are these and empty keep-alives.
/// </summary>
internal static class ActivitySetFrame
{
    private static readonly byte[] Start = """{"activities":["""u8.ToArray();
    private static readonly byte[] Middle = "],\"watermark\":\""u8.ToArray();
    private static readonly byte[] End = "\"}"u8.ToArray();

    public static void Write(IBufferWriter<byte> writer, IReadOnlyList<byte[]> activities, long watermark)
    {
        writer.Write(Start);
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) writer.Write(","u8);
            writer.Write(activities[i]);
        }
        writer.Write(Middle);
        writer.Write(Encoding.ASCII.GetBytes(watermark.ToString(CultureInfo.InvariantCulture)));
        writer.Write(End);
    }
}

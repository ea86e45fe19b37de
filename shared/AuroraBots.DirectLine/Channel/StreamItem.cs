namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// One activity on its way to a client: its log sequence (0 for live-only activities such as typing), the
/// conversation's watermark at that moment and the activity's JSON. A null <see cref="Json"/> is a keep-alive.
/// </summary>
public readonly record struct StreamItem(long Sequence, long Watermark, byte[]? Json)
{
    public static readonly StreamItem KeepAlive = new(0, 0, null);
}

/// <summary>Something that receives a conversation's activities as they are recorded (an open WebSocket).</summary>
public interface IActivitySubscriber
{
    /// <summary>Must not block: called while the conversation's append lock is held, to keep order.</summary>
    void Deliver(StreamItem item);
}

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// Why a socket's writer wakes up: the log grew (read it from the socket's watermark), a live-only activity
/// (typing) arrived, or the keep-alive tick (send an empty frame when idle, and re-read the log in case a
/// notification was lost).
/// </summary>
internal readonly record struct StreamSignal(StreamSignalKind Kind, byte[]? LiveJson = null)
{
    public static readonly StreamSignal Stored = new(StreamSignalKind.Stored);
    public static readonly StreamSignal KeepAlive = new(StreamSignalKind.KeepAlive);
}

internal enum StreamSignalKind { Stored, Live, KeepAlive }

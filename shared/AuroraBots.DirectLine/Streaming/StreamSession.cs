using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Store;

namespace AuroraBots.DirectLine.Streaming;

/// <summary>
/// One client WebSocket. It subscribes to the conversation's feed and then reads the log after its watermark
/// whenever told that the log grew — whichever instance wrote — so replay after a reconnect and live delivery are
/// the same code path: in order, without gaps or duplicates. Live-only activities (typing) come with the
/// notification. All sends (activities and empty keep-alives) go through one queue: one writer at a time. Each
/// frame carries one activity: DirectLineJS emits a frame's activities on the async scheduler, so two
/// multi-activity frames arriving together would be interleaved on the client.
/// </summary>
internal sealed class StreamSession(WebSocket socket, ConversationChannel channel, string conversationId, long watermark) : IFeedListener
{
    private readonly Channel<StreamSignal> _outbox = System.Threading.Channels.Channel.CreateUnbounded<StreamSignal>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closed = new();
    private long _lastSentSequence = watermark;
    private int _storedPending;

    /// <summary>A client that stops reading is dropped past this backlog of live activities; it reconnects and replays from the log.</summary>
    internal const int MaxBacklog = 2000;

    private int _backlog;

    public void OnStored(long sequence)
    {
        // Coalesced: one pending "read the log" is enough however many appends happened meanwhile.
        if (sequence != 0 && sequence <= Volatile.Read(ref _lastSentSequence)) return;
        if (Interlocked.Exchange(ref _storedPending, 1) == 0) _outbox.Writer.TryWrite(StreamSignal.Stored);
    }

    public void OnLive(byte[] activityJson)
    {
        if (Interlocked.Increment(ref _backlog) > MaxBacklog) Close();
        else _outbox.Writer.TryWrite(new StreamSignal(StreamSignalKind.Live, activityJson));
    }

    internal bool IsClosing => _closed.IsCancellationRequested;

    public void SendKeepAlive() => _outbox.Writer.TryWrite(StreamSignal.KeepAlive);

    public void Close()
    {
        try { _closed.Cancel(); } catch (ObjectDisposedException) { }
    }

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _closed.Token);
        var cancellationToken = linked.Token;
        var receiving = ReceiveUntilClosedAsync(linked);
        try
        {
            await using var subscription = await channel.SubscribeAsync(conversationId, this, cancellationToken).ConfigureAwait(false);
            OnStored(0); // replay what was recorded after the client's watermark
            await SendAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or StoreUnavailableException) { }
        finally
        {
            _outbox.Writer.TryComplete();
            linked.Cancel();
            await CloseSocketAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
            _closed.Dispose();
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var keepAlive = false;
            var sent = false;
            while (reader.TryRead(out var signal))
            {
                switch (signal.Kind)
                {
                    case StreamSignalKind.Live:
                        Interlocked.Decrement(ref _backlog);
                        await SendFrameAsync(signal.LiveJson!, _lastSentSequence, cancellationToken).ConfigureAwait(false);
                        sent = true;
                        break;
                    case StreamSignalKind.Stored:
                        Volatile.Write(ref _storedPending, 0);
                        sent |= await SendStoredAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        keepAlive = true;
                        break;
                }
            }
            if (!keepAlive || sent) continue;
            // Idle: a notification may have been lost (pub/sub is fire-and-forget), so look at the log too.
            if (!await SendStoredAsync(cancellationToken).ConfigureAwait(false))
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends everything recorded after the last sent sequence; true when something was sent. One read per
    /// notification: a short batch is the end of the log, since an append that lands later publishes after it and
    /// the pending flag was cleared before this read, so it queues another read.
    /// </summary>
    private async Task<bool> SendStoredAsync(CancellationToken cancellationToken)
    {
        var sent = false;
        var max = channel.MaxReplayBatch;
        while (true)
        {
            var activities = await channel.ReadStoredAfterAsync(conversationId, _lastSentSequence, max, cancellationToken).ConfigureAwait(false);
            foreach (var activity in activities)
            {
                await SendFrameAsync(activity.Json, activity.Sequence, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _lastSentSequence, activity.Sequence);
            }
            sent |= activities.Count > 0;
            if (activities.Count < max) return sent;
        }
    }

    private async Task SendFrameAsync(byte[] activity, long watermark, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(activity.Length + 64);
        ActivitySetFrame.Write(buffer, [activity], watermark);
        await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and ignores what the client sends (DirectLineJS pings with empty frames) until it closes.</summary>
    private async Task ReceiveUntilClosedAsync(CancellationTokenSource session)
    {
        var buffer = new byte[64];
        try
        {
            while (!session.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), session.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
        finally
        {
            try { await session.CancelAsync().ConfigureAwait(false); } catch (ObjectDisposedException) { }
        }
    }

    private async Task CloseSocketAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
        socket.Abort();
    }
}

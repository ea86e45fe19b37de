using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using AuroraBots.DirectLine.Channel;

namespace AuroraBots.DirectLine.Streaming;

/// <summary>
/// One client WebSocket. On open it subscribes first and then replays the log after the URL's watermark, so
/// nothing recorded in between is lost; live items at or below the replayed watermark are skipped, so nothing
/// is duplicated. All sends (activity sets and empty keep-alives) go through one queue: one writer at a time.
/// Each frame carries one activity: DirectLineJS emits a frame's activities on the async scheduler, so two
/// multi-activity frames arriving together would be interleaved on the client.
/// </summary>
internal sealed class StreamSession(WebSocket socket, ConversationChannel channel, string conversationId, long watermark) : IActivitySubscriber
{
    private readonly Channel<StreamItem> _outbox = System.Threading.Channels.Channel.CreateUnbounded<StreamItem>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closed = new();
    private long _lastSentSequence = watermark;

    /// <summary>A client that stops reading is dropped past this backlog; it reconnects and replays from the log.</summary>
    internal const int MaxBacklog = 2000;

    private int _backlog;

    public void Deliver(StreamItem item)
    {
        if (Interlocked.Increment(ref _backlog) > MaxBacklog) Close();
        else _outbox.Writer.TryWrite(item);
    }

    internal bool IsClosing => _closed.IsCancellationRequested;

    public void SendKeepAlive() => _outbox.Writer.TryWrite(StreamItem.KeepAlive);

    public void Close()
    {
        try { _closed.Cancel(); } catch (ObjectDisposedException) { }
    }

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _closed.Token);
        var cancellationToken = linked.Token;
        using var subscription = channel.Subscribe(conversationId, this);
        var receiving = ReceiveUntilClosedAsync(linked);
        try
        {
            await ReplayAsync(cancellationToken).ConfigureAwait(false);
            await SendLiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
        finally
        {
            _outbox.Writer.TryComplete();
            linked.Cancel();
            await CloseSocketAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
            _closed.Dispose();
        }
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (activities, next) = await channel.ReadAfterAsync(conversationId, _lastSentSequence, channel.MaxReplayBatch, cancellationToken).ConfigureAwait(false);
            if (activities.Count == 0) return;
            foreach (var activity in activities)
                await SendFrameAsync(activity.Json, activity.Sequence, cancellationToken).ConfigureAwait(false);
            _lastSentSequence = next;
        }
    }

    private async Task SendLiveAsync(CancellationToken cancellationToken)
    {
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var keepAlive = false;
            var sent = false;
            while (reader.TryRead(out var item))
            {
                if (item.Json is null) { keepAlive = true; continue; }
                Interlocked.Decrement(ref _backlog);
                // Already replayed (recorded between subscribing and reading the log).
                if (item.Sequence != 0 && item.Sequence <= _lastSentSequence) continue;
                await SendFrameAsync(item.Json, Math.Max(item.Watermark, _lastSentSequence), cancellationToken).ConfigureAwait(false);
                if (item.Sequence != 0) _lastSentSequence = item.Sequence;
                sent = true;
            }
            // A keep-alive is only needed when nothing else went out.
            if (keepAlive && !sent) await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
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

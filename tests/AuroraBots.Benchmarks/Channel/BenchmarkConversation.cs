using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AuroraBots.Testing;

namespace AuroraBots.Benchmarks.Channel;

/// <summary>
/// One Direct Line conversation as Web Chat would hold it: started with the secret, then a token, a WebSocket
/// on the stream URL and POSTed messages. Bot replies are matched to posts by <c>replyToId</c>.
/// </summary>
internal sealed class BenchmarkConversation : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _pending = new();
    private readonly ConcurrentDictionary<string, byte> _seenIds = new();
    private string _token = "";
    private Task _receiving = Task.CompletedTask;

    public string Id { get; private set; } = "";
    public int Duplicates;
    public int UnexpectedFrames;

    public BenchmarkConversation(HttpClient http) => _http = http;

    public async Task StartAsync(string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations")
        {
            Content = new StringContent("""{"user":{}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Id = body.RootElement.GetProperty("conversationId").GetString()!;
        _token = body.RootElement.GetProperty("token").GetString()!;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(new Uri(body.RootElement.GetProperty("streamUrl").GetString()!), cancellationToken);
        _receiving = ReceiveAsync();
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Posts a message and returns the latency until the bot's reply frame arrived (null when lost).</summary>
    public async Task<TimeSpan?> TurnAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{Id}/activities")
        {
            Content = new StringContent(
                "{\"type\":\"message\",\"text\":\"" + text + "\",\"from\":{\"id\":\"bench-user\"},\"channelData\":{\"clientActivityID\":\"" + Guid.NewGuid().ToString("N") + "\"}}",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var activityId = body.RootElement.GetProperty("id").GetString()!;
        var reply = _pending.GetOrAdd(activityId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            var arrived = await reply.Task.WaitAsync(timeout, cancellationToken);
            return System.Diagnostics.Stopwatch.GetElapsedTime(started, arrived);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task ReceiveAsync()
    {
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var type = await _socket.ReceiveMessageAsync(message);
                if (type == WebSocketMessageType.Close) return;
                var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
                if (message.Length == 0) continue; // keep-alive
                if (type != WebSocketMessageType.Text) { Interlocked.Increment(ref UnexpectedFrames); continue; }
                using var frame = JsonDocument.Parse(message.ToArray());
                if (!frame.RootElement.TryGetProperty("activities", out var activities) ||
                    !frame.RootElement.TryGetProperty("watermark", out _)) { Interlocked.Increment(ref UnexpectedFrames); continue; }
                foreach (var activity in activities.EnumerateArray())
                {
                    var id = activity.GetProperty("id").GetString()!;
                    if (!_seenIds.TryAdd(id, 0)) Interlocked.Increment(ref Duplicates);
                    if (activity.TryGetProperty("replyToId", out var replyTo) && activity.GetProperty("from").GetProperty("role").GetString() == "bot")
                        _pending.GetOrAdd(replyTo.GetString()!, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously))
                            .TrySetResult(arrived);
                }
            }
        }
        catch (WebSocketException) { }
        catch (ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException) { }
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
    }
}

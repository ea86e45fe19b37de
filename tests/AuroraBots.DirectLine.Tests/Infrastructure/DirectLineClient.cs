using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuroraBots.DirectLine.Tests.Infrastructure;

/// <summary>A minimal Direct Line client speaking raw HTTP/JSON, so tests see exactly what goes over the wire.</summary>
public sealed class DirectLineClient(Uri baseUrl, string? credential) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl, "/v3/directline/") };

    public string? Credential { get; set; } = credential;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json", string? origin = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (Credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Credential);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        return await _http.SendAsync(request);
    }

    /// <summary>POST /conversations/{id}/upload?userId=u1 with this client's credential.</summary>
    public Task<HttpResponseMessage> UploadAsync(string conversationId, HttpContent form, bool chunked = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversationId}/upload?userId=u1") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Credential);
        request.Headers.TransferEncodingChunked = chunked;
        return _http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>POST /conversations and switch to the returned token (as DirectLineJS does).</summary>
    public async Task<JsonObject> StartAsync(string body = """{"user":{"id":"u1"},"locale":"fi-FI"}""")
    {
        var response = await SendAsync(HttpMethod.Post, "conversations", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var conversation = await JsonAsync(response);
        Credential = (string)conversation["token"]!;
        return conversation;
    }

    public async Task<string> PostAsync(string conversationId, string activityJson)
    {
        var response = await SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", activityJson);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (string)(await JsonAsync(response))["id"]!;
    }

    public Task<string> PostMessageAsync(string conversationId, string text, string user = "u1", string? clientActivityId = null) =>
        PostAsync(conversationId, JsonSerializer.Serialize(new
        {
            type = "message", text, from = new { id = user },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }));

    public async Task<(List<JsonObject> Activities, string Watermark)> GetActivitiesAsync(string conversationId, string watermark = "")
    {
        var response = await SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark={watermark}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var set = await JsonAsync(response);
        return ([.. set["activities"]!.AsArray().Select(a => a!.AsObject())], (string)set["watermark"]!);
    }

    /// <summary>Pages through GET activities until no more come back.</summary>
    public async Task<List<JsonObject>> GetAllActivitiesAsync(string conversationId)
    {
        var all = new List<JsonObject>();
        var watermark = "";
        while (true)
        {
            var (page, next) = await GetActivitiesAsync(conversationId, watermark);
            if (page.Count == 0) return all;
            all.AddRange(page);
            watermark = next;
        }
    }

    /// <summary>Polls until an activity matches, or fails after 15 s.</summary>
    public async Task<List<JsonObject>> WaitForAsync(string conversationId, Func<JsonObject, bool> match)
    {
        for (var i = 0; i < 300; i++)
        {
            var (activities, _) = await GetActivitiesAsync(conversationId);
            if (activities.Any(match)) return activities;
            await Task.Delay(50);
        }
        throw new TimeoutException("The expected activity never arrived.");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A WebSocket on a stream URL that records every frame.</summary>
public sealed class StreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<(WebSocketMessageType Type, string Text)> _frames = [];
    private readonly SemaphoreSlim _changed = new(0);
    private Task? _loop;

    public IReadOnlyList<(WebSocketMessageType Type, string Text)> Frames { get { lock (_frames) return [.. _frames]; } }

    public WebSocket Socket => _socket;

    public static async Task<StreamClient> OpenAsync(string streamUrl)
    {
        var reader = new StreamClient();
        await reader._socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        reader._loop = reader.ReadLoopAsync();
        return reader;
    }

    private async Task ReadLoopAsync()
    {
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var type = await _socket.ReceiveMessageAsync(message);
                if (type == WebSocketMessageType.Close) break;
                lock (_frames) _frames.Add((type, Encoding.UTF8.GetString(message.ToArray())));
                _changed.Release();
            }
        }
        catch (WebSocketException) { }
        finally { _changed.Release(); }
    }

    public bool IsClosed => _loop?.IsCompleted ?? true;

    /// <summary>All activities received so far, in arrival order.</summary>
    public List<JsonObject> Activities() =>
        [.. Frames.Where(f => f.Text.Length > 0).SelectMany(f => JsonNode.Parse(f.Text)!["activities"]!.AsArray().Select(a => a!.AsObject()))];

    public async Task<List<JsonObject>> WaitForAsync(Func<JsonObject, bool> match, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var activities = Activities();
            if (activities.Any(match)) return activities;
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException("The expected activity never arrived on the stream.");
    }

    public async Task WaitForFrameAsync(Func<(WebSocketMessageType Type, string Text), bool> match, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Frames.Any(match)) return;
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException("The expected frame never arrived.");
    }

    public async Task WaitClosedAsync(int timeoutSeconds = 15)
    {
        if (_loop is not null) await _loop.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));
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
    }
}

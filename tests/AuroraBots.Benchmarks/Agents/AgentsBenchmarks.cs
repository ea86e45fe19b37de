using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AuroraBots.Editor.Security;
using AuroraBots.Platform.Security;
using AuroraBots.Host;
using AuroraBots.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Benchmarks.Agents;

/// <summary>
/// <c>agents [--chats 50 --rounds 20] [--redis]</c>: the real host on loopback (sample bot, open around the clock);
/// that many citizens on Direct Line WebSockets ask for a person, consent and are accepted by one agent; then, in
/// rounds, the agent writes to every chat at once (POST /agent/api/chats/{id}/messages) and each citizen's socket
/// receives the message: latency from the POST to the frame. Target: p99 &lt; 200 ms with 50 parallel chats.
/// </summary>
public static class AgentsBenchmarks
{
    private const string Password = "benchmark password 123";
    private const string Secret = "agents-bench-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var chats = Option(args, "--chats", 50);
        var rounds = Option(args, "--rounds", 20);
        using var redis = args.Contains("--redis") ? await TestRedis.StartAsync() : null;
        await using var app = await StartHostAsync(redis?.Configuration);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address + "/") };
        using var agent = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = http.BaseAddress };
        (await agent.PostAsJsonAsync("agent/api/session", new { name = "bench", password = Password })).EnsureSuccessStatusCode();
        (await agent.PutAsJsonAsync("agent/api/presence", new { available = true })).EnsureSuccessStatusCode();
        Console.WriteLine($"agents: {chats} parallel chats x {rounds} rounds, agent → citizen over {address} (store: {(redis is null ? "memory" : "Redis " + redis.Configuration)})");

        var citizens = new List<Citizen>();
        for (var i = 0; i < chats; i++)
        {
            var citizen = new Citizen(http);
            await citizen.StartAsync();
            await citizen.PostAsync("haluan puhua ihmisen kanssa", null);
            await citizen.WaitForAsync("Asiakaspalvelija näkee", TimeSpan.FromSeconds(20));
            await citizen.PostAsync("Kyllä, yhdistä", """{"aurora":"livechat","choice":"share_all"}""");
            await citizen.WaitForAsync("jonossa", TimeSpan.FromSeconds(20));
            var accepted = await agent.PostAsync($"agent/api/chats/{citizen.Id}/accept", null);
            if (!accepted.IsSuccessStatusCode) { Console.WriteLine($"accept failed: {(int)accepted.StatusCode}"); return 1; }
            citizens.Add(citizen);
        }

        var latencies = new List<double>();
        var lost = 0;
        for (var round = -2; round < rounds; round++) // two warm-up rounds
        {
            var results = await Task.WhenAll(citizens.Select(async (citizen, index) =>
            {
                var marker = $"r{round}c{index}x{Guid.NewGuid():N}"[..24];
                var started = Stopwatch.GetTimestamp();
                var arrival = citizen.Expect(marker);
                var sent = await agent.PostAsJsonAsync($"agent/api/chats/{citizen.Id}/messages", new { text = "Viesti " + marker });
                if (!sent.IsSuccessStatusCode) return (double?)null;
                try { return Stopwatch.GetElapsedTime(started, await arrival.WaitAsync(TimeSpan.FromSeconds(10))).TotalMilliseconds; }
                catch (TimeoutException) { return null; }
            }));
            if (round < 0) continue;
            lost += results.Count(r => r is null);
            latencies.AddRange(results.OfType<double>());
        }
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent → citizen: {latencies.Count} messages, lost {lost}; p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {latencies.LastOrDefault():F1} ms (target p99 < 200 ms)"));
        foreach (var citizen in citizens) await citizen.DisposeAsync();
        return lost == 0 && P(0.99) < 200 ? 0 : 1;
    }

    private static async Task<WebApplication> StartHostAsync(string? redis)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = RepoPaths.Bots,
            ["Dialogs:HotReload"] = "false",
            ["DirectLine:TokenSigningKey"] = "agents-benchmark-signing-key-0123456789abcdef",
            ["DirectLine:Bots:sample:Secrets:0"] = Secret,
            // The benchmark posts far faster than a person types.
            ["DirectLine:PostsPerSecond"] = "1000",
            ["DirectLine:PostBurst"] = "1000",
            ["Editor:DataPath"] = Directory.CreateTempSubdirectory("aurorabots-agents-bench-").FullName,
            ["Editor:Users:0:Name"] = "bench",
            ["Editor:Users:0:PasswordHash"] = PasswordHashes.Hash(Password),
            ["Editor:Users:0:Roles:0"] = EditorRoles.Agent,
            ["Agents:MaxQueueLength"] = "1000",
            ["ConnectionStrings:Redis"] = redis,
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAuroraHost();
        var app = builder.Build();
        app.UseAuroraHost();
        await app.StartAsync();
        return app;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A citizen's Direct Line conversation with the sample bot (secret → token, WebSocket, POSTs).</summary>
    private sealed class Citizen(HttpClient http) : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _expected = new();
        private readonly ConcurrentQueue<string> _texts = new();
        private string _token = "";
        private Task _receiving = Task.CompletedTask;

        public string Id { get; private set; } = "";

        public async Task StartAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations") { Content = new StringContent("""{"user":{"id":"dl_bench"}}""", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Id = body.RootElement.GetProperty("conversationId").GetString()!;
            _token = body.RootElement.GetProperty("token").GetString()!;
            await _socket.ConnectAsync(new Uri(body.RootElement.GetProperty("streamUrl").GetString()!), CancellationToken.None);
            _receiving = ReceiveAsync();
        }

        public async Task PostAsync(string text, string? value)
        {
            var activity = "{\"type\":\"message\",\"locale\":\"fi-FI\",\"text\":" + JsonSerializer.Serialize(text) + ",\"from\":{\"id\":\"dl_bench\"}" + (value is null ? "" : ",\"value\":" + value) + "}";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{Id}/activities") { Content = new StringContent(activity, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task WaitForAsync(string fragment, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!_texts.Any(t => t.Contains(fragment, StringComparison.Ordinal)))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{fragment}' did not arrive; got: {string.Join(" | ", _texts)}");
                await Task.Delay(20);
            }
        }

        public Task<long> Expect(string marker) =>
            _expected.GetOrAdd(marker, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        private async Task ReceiveAsync()
        {
            var message = new MemoryStream();
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    if (await _socket.ReceiveMessageAsync(message) == WebSocketMessageType.Close) return;
                    var arrived = Stopwatch.GetTimestamp();
                    if (message.Length == 0) continue;
                    using var frame = JsonDocument.Parse(message.ToArray());
                    if (!frame.RootElement.TryGetProperty("activities", out var activities)) continue;
                    foreach (var activity in activities.EnumerateArray())
                    {
                        if (!activity.TryGetProperty("text", out var textElement) || textElement.GetString() is not { } text) continue;
                        _texts.Enqueue(text);
                        if (text.StartsWith("Viesti ", StringComparison.Ordinal) && _expected.TryGetValue(text[7..], out var waiting)) waiting.TrySetResult(arrived);
                    }
                }
            }
            catch (WebSocketException) { }
            catch (ObjectDisposedException) { }
        }

        public async ValueTask DisposeAsync()
        {
            try { if (_socket.State == WebSocketState.Open) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
            catch (WebSocketException) { }
            _socket.Dispose();
            await _receiving;
        }
    }
}

using AuroraBots.Platform.Security;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor;
using AuroraBots.Editor.Security;
using AuroraBots.Handoff;
using AuroraBots.Network;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuroraBots.Benchmarks.Editor;

/// <summary>
/// <c>editor [--rounds 10]</c>: what a content editor waits for, over HTTP against two real hosts sharing a Redis (each
/// with its own live folder, engine with hot reload, the embedded AuroraAI network): save, live validation of unsaved
/// text, publish (validation + every transcript test of every bot in every language + version + live folder), and the
/// time until the publishing host's bots and the other host's bots answer with the new text — no restart.
/// </summary>
public static class EditorBenchmarks
{
    private const string Password = "benchmark password 123";
    private const string File = "sample/main.yaml";
    private const string Marker = "Voin kysyä kuulumisiasi.";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
        using var redis = await TestRedis.StartAsync();
        var prefix = $"bench-{Guid.NewGuid():N}:";
        var root = Directory.CreateTempSubdirectory("aurorabots-editor-bench-").FullName;
        try
        {
            await using var a = await BenchHost.StartAsync(Path.Combine(root, "a"), redis.Configuration, prefix);
            await using var b = await BenchHost.StartAsync(Path.Combine(root, "b"), redis.Configuration, prefix);
            using var client = await a.SignedInAsync();
            Console.WriteLine($"editor: {rounds} rounds of save → validate → publish (with every transcript test) → live on both hosts; Redis {redis.Configuration}");

            var save = new List<double>(); var validate = new List<double>(); var publish = new List<double>();
            var liveA = new List<double>(); var liveB = new List<double>();
            string? failure = null;
            for (var round = 0; round <= rounds && failure is null; round++)
            {
                var text = $"Voin kysyä kuulumisiasi (kierros {round}).";
                var (content, etag) = await ReadAsync(client);
                var changed = content.Replace(Current(content), text, StringComparison.Ordinal);

                var clock = Stopwatch.StartNew();
                var validation = await client.PostAsJsonAsync("/editor/api/validate", new { path = File, content = changed });
                var validated = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var saved = await SaveAsync(client, changed, etag);
                var savedMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var published = await client.PostAsJsonAsync("/editor/api/versions", new { comment = $"round {round}" });
                var publishedMs = clock.Elapsed.TotalMilliseconds;
                if (!validation.IsSuccessStatusCode || !saved.IsSuccessStatusCode || published.StatusCode != HttpStatusCode.Created)
                {
                    failure = $"round {round}: validate {(int)validation.StatusCode}, save {(int)saved.StatusCode}, publish {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}";
                    break;
                }
                var onA = await WaitAsync(a, text, clock);
                var onB = await WaitAsync(b, text, clock);
                if (onA is null || onB is null) { failure = $"round {round}: the new text did not reach {(onA is null ? "host A" : "host B")} in 30 s"; break; }
                if (round == 0) continue; // JIT warm-up
                validate.Add(validated); save.Add(savedMs); publish.Add(publishedMs); liveA.Add(onA.Value); liveB.Add(onB.Value);
            }
            if (failure is not null)
            {
                Console.WriteLine("FAILED: " + failure);
                return 1;
            }
            Print("live validation", validate);
            Print("save", save);
            Print("publish (incl. tests)", publish);
            Print("live on host A", liveA, "from sending the publish");
            Print("live on host B", liveB, "from sending the publish");
            Console.WriteLine($"load average:          {System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Current(string content)
    {
        var start = content.IndexOf("Voin kysyä kuulumisiasi", StringComparison.Ordinal);
        var end = content.IndexOf('.', start) + 1;
        return content[start..end];
    }

    private static async Task<(string Content, string ETag)> ReadAsync(HttpClient client)
    {
        var response = await client.GetAsync($"/editor/api/files/{File}");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("content").GetString()!, response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string content, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/editor/api/files/{File}") { Content = JsonContent.Create(new { content }) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return client.SendAsync(request);
    }

    /// <summary>Milliseconds (on <paramref name="clock"/>) until the host's engine serves <paramref name="text"/>; null after 30 s.</summary>
    private static async Task<double?> WaitAsync(BenchHost host, string text, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (host.Greeting() == text || host.Greeting()?.Contains(text, StringComparison.Ordinal) == true) return clock.Elapsed.TotalMilliseconds;
            await Task.Delay(5);
        }
        return null;
    }

    private static void Print(string what, List<double> values, string note = "")
    {
        values.Sort();
        double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
        Console.WriteLine($"{what + ":",-23}p50 {P(0.5),7:F1} ms   max {values[^1],7:F1} ms {note}");
    }

    /// <summary>A platform-like host: engine with hot reload over its own live folder, the embedded network, the editor on Redis.</summary>
    private sealed class BenchHost(WebApplication app) : IAsyncDisposable
    {
        public string? Greeting() =>
            app.Services.GetRequiredService<IDialogContent>().Current.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say?.ByLanguage.GetValueOrDefault("fi");

        public static async Task<BenchHost> StartAsync(string root, string redis, string prefix)
        {
            var live = Path.Combine(root, "bots");
            RepoPaths.CopyFolder(RepoPaths.Bots, live);
            var settings = new Dictionary<string, string?>
            {
                ["Dialogs:Path"] = live,
                ["Dialogs:HotReload"] = "true",
                ["Editor:DataPath"] = Path.Combine(root, "editor-data"),
                ["ConnectionStrings:Redis"] = redis,
                ["Editor:RedisKeyPrefix"] = prefix,
                ["Editor:Users:0:Name"] = "bench",
                ["Editor:Users:0:PasswordHash"] = PasswordHashes.Hash(Password),
                ["Editor:Users:0:Roles:0"] = EditorRoles.Publisher,
            };
            var app = await TestHost.StartAsync(settings, builder =>
            {
                builder.Services.AddAuroraDialogs(builder.Configuration);
                builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));
                builder.Services.AddAuroraAiClient(builder.Configuration.GetSection("AuroraAI:Client"));
                builder.Services.AddAuroraHandoff(builder.Configuration);
                builder.Services.AddAuroraEditor(builder.Configuration.GetSection(EditorOptions.SectionName));
            }, app =>
            {
                app.MapAuroraNetwork();
                app.MapAuroraEditor();
            }, new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" });
            var address = app.Address().ToString().TrimEnd('/');
            app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(new Uri(address));
            app.Services.GetRequiredService<IAuroraServiceRegistry>().RegisterBots(app.Services.GetRequiredService<IBotCatalog>(), app.Services.GetRequiredService<AuroraBots.AuroraAI.Client.ReceiverCredentials>(), address, NullLogger.Instance);
            return new BenchHost(app);
        }

        public async Task<HttpClient> SignedInAsync()
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Address() };
            (await client.PostAsJsonAsync("/editor/api/session", new { name = "bench", password = Password })).EnsureSuccessStatusCode();
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

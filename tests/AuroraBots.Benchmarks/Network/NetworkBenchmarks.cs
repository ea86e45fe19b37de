using AuroraBots.Testing;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Benchmarks.Network;

/// <summary>
/// <c>network</c>: recommend_service and text_search over HTTP (real Kestrel on loopback) with 50 concurrent
/// clients on the shipped catalogue and on 10× / 100× synthetic copies, plus in-process scoring cost.
/// <c>textsearch-eval</c>: precision@3 and nDCG@5 per language of the judged query set for each ranking variant.
/// Options: <c>--seconds N</c> (load per endpoint and size, default 5), <c>--clients N</c> (default 50).
/// </summary>
public static class NetworkBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == "textsearch-eval") return TextSearchEval();
        var seconds = Option(args, "--seconds", 5);
        var clients = Option(args, "--clients", 50);
        Console.WriteLine($"AuroraAI network benchmark: {clients} concurrent clients, {seconds} s per endpoint and size, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| catalogue | services | build | endpoint | requests/s | p50 ms | p99 ms | 503 | in-process p50 µs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var copies in (int[])[1, 10, 100])
            await RunSizeAsync(copies, clients, TimeSpan.FromSeconds(seconds), maxConcurrent: 10_000);
        Console.WriteLine();
        Console.WriteLine("With the default limit (25 concurrent recommendations) on the shipped catalogue:");
        await RunSizeAsync(1, clients, TimeSpan.FromSeconds(seconds), maxConcurrent: 25);
        return 0;
    }

    private static async Task RunSizeAsync(int copies, int clients, TimeSpan duration, int maxConcurrent)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AuroraAI:Network:CatalogueCopies"] = copies.ToString(),
            ["AuroraAI:Network:MaxConcurrentRecommendations"] = maxConcurrent.ToString(),
        };
        var build = new Stopwatch();
        CatalogueSnapshot? snapshot = null;
        await using var app = await TestHost.StartAsync(settings, builder => builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network")), app =>
        {
            app.MapAuroraNetwork();
            build.Start();
            snapshot = app.Services.GetRequiredService<ServiceCatalogue>().Current;
            build.Stop();
        });
        var catalogue = snapshot!;
        var address = app.Address();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AuroraDevCredentials.ClientId}:{AuroraDevCredentials.ClientSecret}")));

        var queries = TextSearchEvaluation.LoadQueries().Select(q => q.Query).ToArray();
        var label = copies == 1 ? "shipped (1×)" : $"{copies}× copies";
        foreach (var endpoint in (string[])["recommend_service", "text_search"])
        {
            Func<Random, string> body = endpoint == "recommend_service" ? RecommendBody : r => TextBody(r, queries);
            await LoadAsync(http, endpoint, body, clients, TimeSpan.FromSeconds(3)); // warm-up (tiered JIT, connections)
            var (latencies, busy, elapsed) = await LoadAsync(http, endpoint, body, clients, duration);
            latencies.Sort();
            var inProcess = InProcessMicroseconds(catalogue, endpoint, queries);
            Console.WriteLine($"| {label} | {catalogue.Services.Length} | {build.Elapsed.TotalMilliseconds:F0} ms | {endpoint} | " +
                $"{latencies.Count / elapsed.TotalSeconds:F0} | {Percentile(latencies, 0.50):F2} | {Percentile(latencies, 0.99):F2} | {busy} | {inProcess:F0} |");
        }
        await app.StopAsync();
    }

    private static async Task<(List<double> Latencies, int Busy, TimeSpan Elapsed)> LoadAsync(
        HttpClient http, string endpoint, Func<Random, string> body, int clients, TimeSpan duration)
    {
        var all = new List<double>[clients];
        var busy = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(client);
            var latencies = all[client] = [];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                using var content = new StringContent(body(random), Encoding.UTF8, "application/json");
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("service-recommender/v1/" + endpoint, content);
                await response.Content.ReadAsByteArrayAsync();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if ((int)response.StatusCode == 503) Interlocked.Increment(ref busy);
                else if (response.IsSuccessStatusCode) latencies.Add(ms);
                else throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}");
            }
        }));
        return (all.SelectMany(l => l).ToList(), busy, started.Elapsed);
    }

    /// <summary>Single-threaded scoring cost without HTTP, to show how the algorithms scale with catalogue size.</summary>
    private static double InProcessMicroseconds(CatalogueSnapshot snapshot, string endpoint, string[] queries)
    {
        var random = new Random(7);
        var scorer = new TextSearchScorer(new TextSearchOptions());
        var samples = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (endpoint == "recommend_service")
                LifeSituationScorer.Score(snapshot, RandomMeters(random), ServiceFilterSpec.None, 5);
            else
                scorer.Score(snapshot, queries[random.Next(queries.Length)], null, ServiceFilterSpec.None, 5);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
        samples.Sort();
        return Percentile(samples, 0.5);
    }

    private static Dictionary<string, IReadOnlyList<int>> RandomMeters(Random random)
    {
        var meters = new Dictionary<string, IReadOnlyList<int>>();
        foreach (var meter in LifeSituationMeters.All.OrderBy(_ => random.Next()).Take(random.Next(1, 11)))
            meters[meter] = [random.Next(0, 11)];
        return meters;
    }

    private static string RecommendBody(Random random)
    {
        var meters = string.Join(", ", RandomMeters(random).Select(m => $"\"{m.Key}\": [{m.Value[0]}]"));
        var filter = random.Next(3) switch
        {
            0 => "",
            1 => ", \"service_filters\": {\"municipality_codes\": [\"564\", \"091\"]}",
            _ => ", \"service_filters\": {\"region_codes\": [\"17\"], \"include_national_services\": false}",
        };
        return $"{{\"life_situation_meters\": {{{meters}}}, \"limit\": 5{filter}}}";
    }

    private static string TextBody(Random random, string[] queries) =>
        $"{{\"search_text\": \"{queries[random.Next(queries.Length)]}\", \"limit\": 5}}";

    private static int TextSearchEval()
    {
        var variants = new (string Name, TextSearchOptions Options)[]
        {
            ("folding only, no glossary", new() { Stemming = StemmingMode.None, PrefixWeight = 0, NGramWeight = 0, UseGlossary = false }),
            ("Snowball + prefix + 4-grams, no glossary (before)", new() { UseGlossary = false }),
            ("folding only + glossary", new() { Stemming = StemmingMode.None, PrefixWeight = 0, NGramWeight = 0 }),
            ("Snowball + prefix + 4-grams + glossary (default)", new()),
            ("... prefix keeps >= 6 letters", new() { PrefixMinLetters = 6 }),
            ("... prefix keeps >= 7 letters", new() { PrefixMinLetters = 7 }),
        };
        var queries = TextSearchEvaluation.LoadQueries();
        Console.WriteLine($"Text search over the judged query set: {queries.Count} queries (" +
            string.Join(", ", queries.GroupBy(q => q.Language).Select(g => $"{g.Count()} {g.Key}")) +
            "), citizens' services (target group KR1), whole catalogue");
        Console.WriteLine();
        Console.WriteLine("| variant | P@3 fi | P@3 sv | P@3 en | nDCG@5 fi | nDCG@5 sv | nDCG@5 en |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        IReadOnlyList<QueryResult>? chosen = null;
        string[] languages = ["fi", "sv", "en"];
        foreach (var (name, options) in variants)
        {
            var results = TextSearchEvaluation.Run(options);
            string Mean(Func<QueryResult, double> measure, string language) => results.Where(r => r.Query.Language == language).Average(measure).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | " + string.Join(" | ", languages.Select(l => Mean(r => r.PrecisionAt3, l))) + " | " +
                string.Join(" | ", languages.Select(l => Mean(r => r.NdcgAt5, l))) + " |");
            chosen = results;
        }
        Console.WriteLine();
        Console.WriteLine("Per query (default variant): relevant in the top 3, nDCG@5");
        foreach (var result in chosen!)
            Console.WriteLine($"  [{result.Query.Language}] {result.Query.Query,-40} {result.PrecisionAt3 * 3:F0}/3  {result.NdcgAt5:F2}");
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}

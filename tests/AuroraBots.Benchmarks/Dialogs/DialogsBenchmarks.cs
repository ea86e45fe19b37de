using AuroraBots.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Dialogs;
using AuroraBots.Schema;
using Activity = AuroraBots.Schema.Activity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Benchmarks.Dialogs;

/// <summary>
/// <c>dialogs [--conversations 200] [--rounds 5] [--nlu-cache N]</c>: turns/s and latency percentiles of the dialog
/// engine running a 6-step flow (4 prompts, a set, a say) for N concurrent conversations, with state in Redis and in
/// memory. Every activity has an id, as from the channel (the engine then checks it against the last committed turn).
/// <c>--nlu-cache 0</c> turns the NLU's analysis cache off: every user here says the same five things, so the cache
/// answers nearly all of them — the figures without it show the cost of analysing each message.
/// Redis: <see cref="TestRedis"/> (<c>AURORABOTS_TEST_REDIS</c>, else a redis-server of its own).
/// </summary>
public static class DialogsBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = Option(args, "--conversations", 200);
        var rounds = Option(args, "--rounds", 5);
        var nluCache = Option(args, "--nlu-cache", new DialogsOptions().NluAnalysisCacheSize);
        var dialogs = BenchDialogs.Create();
        try
        {
            Console.WriteLine($"dialog engine: 6-step flow, {conversations} concurrent conversations, {rounds} rounds each (join + 5 turns per round: start, 4 answers), NLU analysis cache {nluCache}");
            // A full unmeasured pass first: the first run in a process is slower (tiered JIT), whichever store it uses.
            await RunOneAsync(null, dialogs, null, conversations, rounds, nluCache);
            using var redis = await TestRedis.StartAsync();
            await RunOneAsync("memory", dialogs, null, conversations, rounds, nluCache);
            await RunOneAsync($"redis ({redis.Configuration})", dialogs, redis.Configuration, conversations, rounds, nluCache);
            return 0;
        }
        finally
        {
            Directory.Delete(dialogs, recursive: true);
        }
    }

    private static async Task RunOneAsync(string? label, string dialogs, string? redis, int conversations, int rounds, int nluCache)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = dialogs,
            ["Dialogs:HotReload"] = "false",
            ["Dialogs:StateKeyPrefix"] = $"bench-{Guid.NewGuid():N}:",
            ["ConnectionStrings:Redis"] = redis,
            ["Dialogs:NluAnalysisCacheSize"] = nluCache.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddAuroraDialogs(configuration);
        await using var provider = services.BuildServiceProvider();
        var bot = provider.GetRequiredService<IBot>();

        // Warm-up until tiered JIT has settled: NLU, YAML-free hot paths, Redis connections.
        for (var pass = 0; pass < 3; pass++)
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => ConversationAsync(bot, $"warm-{pass}-{i}-{Guid.NewGuid():N}", 3, null))));

        var latencies = new List<double>[conversations];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(i =>
            Task.Run(() => ConversationAsync(bot, $"c-{i}-{Guid.NewGuid():N}", rounds, latencies[i] = []))));
        clock.Stop();

        if (label is null) return;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-28} {all.Length} turns in {clock.Elapsed.TotalSeconds:F2} s = {all.Length / clock.Elapsed.TotalSeconds:F0} turns/s; " +
            $"latency p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms, max {all[^1]:F2} ms"));
    }

    /// <summary>One user: join, then the flow <paramref name="rounds"/> times (start + 4 answers; the set and say run inside).</summary>
    private static async Task ConversationAsync(IBot bot, string conversation, int rounds, List<double>? latencies)
    {
        await TurnAsync(bot, conversation, new Activity { Type = ActivityTypes.Event, Name = "webchat/join", Value = new JsonObject { ["locale"] = "en" } }, latencies);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in new[] { "start the survey", "Alex", "42", "Blue", "yes" })
            {
                var replies = await TurnAsync(bot, conversation, new Activity { Type = ActivityTypes.Message, Text = text, Locale = "en" }, latencies);
                if (replies == 0) throw new InvalidOperationException($"no reply to '{text}' in {conversation}");
            }
        }
    }

    private static async Task<int> TurnAsync(IBot bot, string conversation, Activity activity, List<double>? latencies)
    {
        activity.Id = Guid.NewGuid().ToString("N");
        activity.Conversation = new ConversationAccount { Id = conversation };
        activity.From = new ChannelAccount("user", "User", RoleTypes.User);
        activity.Recipient = new ChannelAccount("bench", "bench", RoleTypes.Bot);
        var context = new CountingTurnContext(activity);
        var start = Stopwatch.GetTimestamp();
        await bot.OnTurnAsync(context);
        latencies?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return context.Count;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed class CountingTurnContext(Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;
        public int Count { get; private set; }

        public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken = default)
        {
            Count++;
            return Task.FromResult(new ResourceResponse("r"));
        }
    }
}

/// <summary>A temporary bots content folder: the repository's <c>_shared</c> plus a benchmark bot with the 6-step flow.</summary>
internal static class BenchDialogs
{
    public static string Create()
    {
        var shared = Path.Combine(RepoPaths.Bots, "_shared");
        var root = Directory.CreateTempSubdirectory("aurorabots-bench-dialogs-").FullName;
        foreach (var file in Directory.EnumerateFiles(shared))
            File.Copy(file, Path.Combine(root, "_shared", Path.GetFileName(file)).Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)));
        var bot = Directory.CreateDirectory(Path.Combine(root, "bench")).FullName;
        File.WriteAllText(Path.Combine(bot, "bot.yaml"), """
            id: bench
            name: { fi: Mittaus, sv: Mätning, en: Benchmark }
            organisation: { fi: Testi, sv: Test, en: Test }
            description: { fi: Mittausbotti., sv: Mätbot., en: Benchmark bot. }
            languages: [fi, sv, en]
            default_language: en
            entry: main
            flows: [main, survey]
            intents:
              survey: { flow: survey, label: { fi: Kysely, sv: Enkät, en: Survey } }
            """);
        File.WriteAllText(Path.Combine(bot, "intents.yaml"), """
            intents:
              survey:
                fi: ["aloita kysely", "kysely"]
                sv: ["starta enkäten", "enkät"]
                en: ["start the survey", "survey"]
            """);
        File.WriteAllText(Path.Combine(bot, "main.yaml"), """
            steps:
              - say: { fi: "Hei!", sv: "Hej!", en: "Hi!" }
            """);
        File.WriteAllText(Path.Combine(bot, "survey.yaml"), """
            steps:
              - ask: text
                text: { fi: "Nimi?", sv: "Namn?", en: "Name?" }
                save: var.name
              - ask: number
                text: { fi: "Luku?", sv: "Tal?", en: "Number?" }
                min: 0
                max: 100
                save: var.number
              - ask: choice
                text: { fi: "Väri?", sv: "Färg?", en: "Colour?" }
                save: var.colour
                choices:
                  - { value: red, label: { fi: Punainen, sv: Röd, en: Red } }
                  - { value: blue, label: { fi: Sininen, sv: Blå, en: Blue } }
              - ask: yesno
                text: { fi: "Valmis?", sv: "Klar?", en: "Ready?" }
                save: var.ready
                skip_if_known: false
              - set:
                  var.summary: "{var.name} {var.number} {var.colour} {var.ready}"
              - say: { fi: "{var.summary}", sv: "{var.summary}", en: "{var.summary}" }
            """);
        return root;
    }

    private static string Also(this string value, Action<string> action)
    {
        action(value);
        return value;
    }
}

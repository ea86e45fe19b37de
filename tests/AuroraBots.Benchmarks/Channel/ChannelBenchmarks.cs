using System.Diagnostics;
using System.Globalization;

namespace AuroraBots.Benchmarks.Channel;

/// <summary>
/// <c>channel [--conversations 200 --turns 10 --think-ms 0]</c>: concurrent conversations, each posting turns one after
/// the other over HTTP and receiving echo-bot replies on its WebSocket, after a warm-up. With <c>--think-ms 0</c>
/// (default) it is a closed loop in lockstep: every client posts the instant its reply lands, the worst case. With
/// <c>--think-ms N</c> each client waits a random 0..N ms before each turn, as people reading a reply do. Prints p50/p99 turn latency (POST sent →
/// reply frame received), turns/s, lost and duplicated replies and the server's peak RSS.
/// <c>channel-idle [--conversations 5000]</c>: opens that many WebSocket conversations, keeps them idle across
/// keep-alives, checks a sample still answers, and prints the server's RSS.
/// Targets: 200×10 with 0 lost and p99 &lt; 50 ms; 5,000 idle sockets with RSS &lt; 400 MB (raise <c>ulimit -n</c>).
/// </summary>
public static class ChannelBenchmarks
{
    public static Task<int> RunAsync(string[] args) => args[0] == "channel-idle" ? IdleAsync(args) : TurnsAsync(args);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static HttpClient Client(Uri baseUrl) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static async Task<int> TurnsAsync(string[] args)
    {
        var conversations = Option(args, "--conversations", 200);
        var turns = Option(args, "--turns", 10);
        var thinkMs = Option(args, "--think-ms", 0);
        await using var server = await TestServerProcess.StartAsync();
        using var http = Client(server.BaseUrl);
        Console.WriteLine($"channel: {conversations} conversations x {turns} turns, think time {(thinkMs == 0 ? "none (closed loop)" : $"random 0-{thinkMs} ms")}, against {server.BaseUrl} (server pid {server.ProcessId})");

        // Warm-up, not measured: JIT tiering (tier-1 code needs ~30 calls plus a background compile), then one
        // turn per conversation so every client has its pooled HTTP connection, as long-lived chats do.
        var warmers = new BenchmarkConversation[20];
        for (var i = 0; i < warmers.Length; i++) warmers[i] = new BenchmarkConversation(http);
        foreach (var warm in warmers) await warm.StartAsync("test-secret", CancellationToken.None);
        await Task.WhenAll(warmers.Select(async warm =>
        {
            for (var i = 0; i < 20; i++) await warm.TurnAsync($"warm {i}", TimeSpan.FromSeconds(10), CancellationToken.None);
        }));
        foreach (var warm in warmers) await warm.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var clients = new BenchmarkConversation[conversations];
        for (var i = 0; i < conversations; i++) clients[i] = new BenchmarkConversation(http);
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (c, ct) => await c.StartAsync("test-secret", ct));
        await Task.WhenAll(clients.Select(c => c.TurnAsync("hello", TimeSpan.FromSeconds(10), CancellationToken.None)));

        var latencies = new List<double>[conversations];
        var lost = 0;
        var cpuBefore = server.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, index) =>
        {
            var own = latencies[index] = new List<double>(turns);
            for (var turn = 0; turn < turns; turn++)
            {
                if (thinkMs > 0) await Task.Delay(Random.Shared.Next(thinkMs + 1));
                var latency = await client.TurnAsync($"c{index} t{turn}", TimeSpan.FromSeconds(10), CancellationToken.None);
                if (latency is null) Interlocked.Increment(ref lost);
                else own.Add(latency.Value.TotalMilliseconds);
            }
        }));
        clock.Stop();
        var serverCpu = server.CpuTime() - cpuBefore;
        await Task.Delay(500); // let late duplicates, if any, arrive
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var duplicates = clients.Sum(c => c.Duplicates);
        var unexpected = clients.Sum(c => c.UnexpectedFrames);
        var total = conversations * turns;

        Console.WriteLine($"turns:             {total} ({all.Length} answered)");
        Console.WriteLine($"latency p50:       {Percentile(all, 0.50):F1} ms");
        Console.WriteLine($"latency p99:       {Percentile(all, 0.99):F1} ms");
        Console.WriteLine($"latency max:       {(all.Length > 0 ? all[^1] : 0):F1} ms");
        Console.WriteLine($"throughput:        {total / clock.Elapsed.TotalSeconds:F0} turns/s ({clock.Elapsed.TotalSeconds:F2} s)");
        Console.WriteLine($"server CPU:        {serverCpu.TotalMilliseconds * 1000 / total:F0} µs per turn ({serverCpu.TotalSeconds:F2} s)");
        Console.WriteLine($"load average:      {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (other processes share the cores)");
        Console.WriteLine($"lost replies:      {lost}");
        Console.WriteLine($"duplicate frames:  {duplicates}");
        Console.WriteLine($"non-ActivitySet:   {unexpected}");
        Console.WriteLine($"server peak RSS:   {server.PeakRssMegabytes():F0} MB");
        foreach (var client in clients) await client.DisposeAsync();
        var ok = lost == 0 && duplicates == 0 && unexpected == 0 && Percentile(all, 0.99) < 50;
        Console.WriteLine(ok ? "targets met (0 lost, 0 duplicated, p99 < 50 ms)" : "TARGETS MISSED");
        return ok ? 0 : 1;
    }

    private static async Task<int> IdleAsync(string[] args)
    {
        var conversations = Option(args, "--conversations", 5000);
        await using var server = await TestServerProcess.StartAsync();
        using var http = Client(server.BaseUrl);
        Console.WriteLine($"channel-idle: {conversations} idle WebSocket conversations against {server.BaseUrl} (server pid {server.ProcessId})");
        Console.WriteLine($"server RSS before: {server.CurrentRssMegabytes():F0} MB");

        var clients = new BenchmarkConversation[conversations];
        for (var i = 0; i < conversations; i++) clients[i] = new BenchmarkConversation(http);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (c, ct) => await c.StartAsync("test-secret", ct));
        Console.WriteLine($"connected:         {clients.Count(c => c.IsOpen)} sockets in {clock.Elapsed.TotalSeconds:F1} s");

        // Stay idle across at least one keep-alive round (20 s by default).
        await Task.Delay(TimeSpan.FromSeconds(25));
        var open = clients.Count(c => c.IsOpen);
        var sample = clients.Where((_, i) => i % Math.Max(1, conversations / 50) == 0).ToArray();
        var answered = 0;
        foreach (var client in sample)
            if (await client.TurnAsync("still there?", TimeSpan.FromSeconds(10), CancellationToken.None) is not null) answered++;

        var rss = server.CurrentRssMegabytes();
        var peak = server.PeakRssMegabytes();
        Console.WriteLine($"open after idle:   {open}/{conversations}");
        Console.WriteLine($"sample answered:   {answered}/{sample.Length}");
        Console.WriteLine($"server RSS:        {rss:F0} MB (peak {peak:F0} MB, {peak * 1024 / conversations:F1} KB per conversation)");
        foreach (var client in clients) await client.DisposeAsync();
        var ok = open == conversations && answered == sample.Length && peak < 400;
        Console.WriteLine(ok ? "targets met (all open, RSS < 400 MB)" : "TARGETS MISSED");
        return ok ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

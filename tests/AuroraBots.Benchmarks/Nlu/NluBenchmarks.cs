using System.Diagnostics;
using AuroraBots.Nlu;

namespace AuroraBots.Benchmarks.Nlu;

/// <summary>
/// <c>nlu [bots/]</c>: training time of the front desk's NLU (global + routing intents, fi/sv/en), latency
/// of one <see cref="NluEngine.Analyse"/> (language + intents + entities) and of its parts, and throughput
/// with concurrent turns. Uses the shipped intents under bots/.
/// </summary>
public static class NluBenchmarks
{
    private const int TrainRuns = 15;
    private const int LatencyRounds = 30;

    public static Task<int> RunAsync(string[] args)
    {
        var dialogs = args.Length > 1 ? args[1] : "bots";
        var trainingFiles = new[] { Path.Combine(dialogs, "_shared", "intents.yaml"), Path.Combine(dialogs, "frontdesk", "intents.yaml") };
        var testFiles = new[] { Path.Combine(dialogs, "_shared", "intents.test.yaml"), Path.Combine(dialogs, "frontdesk", "intents.test.yaml") };
        if (trainingFiles.Concat(testFiles).FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"nlu: {missing} not found; run from the repository root or pass the bots content folder.");
            return Task.FromResult(2);
        }
        var training = trainingFiles.SelectMany(IntentFile.Load).ToList();
        var utterances = testFiles.SelectMany(IntentFile.Load).ToList();

        // The analysis cache off: this benchmark measures the analysis itself (the same 174 utterances repeat, so with the
        // cache every call after the first would be a lookup; the dialogs benchmark shows the cache).
        var uncached = new NluOptions { AnalysisCacheSize = 0 };
        var cold = Stopwatch.StartNew();
        var engine = NluEngine.Train(training, uncached);
        cold.Stop();
        var fits = Enumerable.Range(0, TrainRuns).Select(_ => Measure(() => NluEngine.Train(training, uncached))).Order().ToList();
        Console.WriteLine($"nlu: {training.Count} training examples, {utterances.Count} utterances, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  train (3 languages)   cold {cold.Elapsed.TotalMilliseconds,8:0.0} ms   warm p50 {fits[TrainRuns / 2],8:0.0} ms   min {fits[0]:0.0} ms");

        // Warm-up for a second: JIT tiering (tier-1 code replaces tier-0 only after a while) and the gazetteer.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(1);)
        {
            foreach (var u in utterances)
            {
                engine.Analyse(u.Text, u.Language);
            }
        }
        Report("analyse (all)", utterances, u => engine.Analyse(u.Text, u.Language));
        Report("language detection", utterances, u => engine.LanguageDetector.Detect(u.Text));
        Report("entities", utterances, u => EntityRecognizer.Recognize(u.Text, u.Language));

        var parallelCalls = utterances.Count * LatencyRounds;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, parallelCalls, i => engine.Analyse(utterances[i % utterances.Count].Text, utterances[i % utterances.Count].Language));
        wall.Stop();
        Console.WriteLine($"  concurrent analyse    {parallelCalls / wall.Elapsed.TotalSeconds,8:0} messages/s on {Environment.ProcessorCount} cores");
        return Task.FromResult(0);
    }

    private static void Report(string name, IReadOnlyList<IntentExample> utterances, Action<IntentExample> action)
    {
        var samples = new List<double>(utterances.Count * LatencyRounds);
        for (var round = 0; round < LatencyRounds; round++)
        {
            foreach (var u in utterances)
            {
                var start = Stopwatch.GetTimestamp();
                action(u);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        samples.Sort();
        Console.WriteLine($"  {name,-21} p50 {samples[samples.Count / 2],8:0.0} µs   p99 {samples[(int)(samples.Count * 0.99)],8:0.0} µs   mean {samples.Average(),8:0.0} µs");
    }

    private static double Measure(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }
}

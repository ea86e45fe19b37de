using System.Diagnostics;
using AuroraBots.Nlu.Safety;

namespace AuroraBots.Benchmarks.Nlu;

/// <summary>
/// <c>safety [tests/eval/crisis]</c>: time of one <see cref="SafetyRecognizer.Recognise"/> per message (p50/p99) over
/// the crisis and ordinary messages of the evaluation sets, per language, plus a worst case (a 4,000-character
/// message, the checked maximum). The safety layer runs on every user message before anything else.
/// </summary>
public static class SafetyBenchmarks
{
    private const int Rounds = 50;

    public static Task<int> RunAsync(string[] args)
    {
        var root = args.Length > 1 ? args[1] : Path.Combine("tests", "eval", "crisis");
        if (!Directory.Exists(root))
        {
            Console.Error.WriteLine($"safety: {root} not found; run from the repository root or pass the crisis sets folder.");
            return Task.FromResult(2);
        }
        var cold = Stopwatch.StartNew();
        var recognizer = SafetyRecognizer.Default;
        cold.Stop();
        var sets = Directory.EnumerateDirectories(root).Select(SafetyEvaluation.Load).SelectMany(e => e.Sets)
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value.Crisis.Select(c => c.Text).Concat(kv.Value.Ordinary)).ToList());
        var all = sets.Values.SelectMany(t => t).ToList();
        Console.WriteLine($"safety: {recognizer.PatternCount} patterns (lexicon parsed in {cold.Elapsed.TotalMilliseconds:0.0} ms cold), "
            + $"{all.Count} messages, {Environment.ProcessorCount} cores");

        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(1);)
            foreach (var text in all) recognizer.Recognise(text);

        Report("all messages", all, recognizer);
        foreach (var (language, texts) in sets.OrderBy(kv => kv.Key)) Report($"{language} messages", texts, recognizer);
        var longest = string.Concat(Enumerable.Repeat("vuokra on liian kallis ja asumistuki ei riitä, ", 100))[..SafetyRecognizer.MaxCheckedLength];
        Report("4,000-char message", [longest], recognizer, rounds: 200);
        return Task.FromResult(0);
    }

    private static void Report(string name, IReadOnlyList<string> texts, SafetyRecognizer recognizer, int rounds = Rounds)
    {
        var samples = new List<double>(texts.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                recognizer.Recognise(text);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        samples.Sort();
        Console.WriteLine($"  {name,-20} p50 {samples[samples.Count / 2],8:0.0} µs   p99 {samples[(int)(samples.Count * 0.99)],8:0.0} µs   mean {samples.Average(),8:0.0} µs");
    }
}

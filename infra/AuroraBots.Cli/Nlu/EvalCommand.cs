using System.Diagnostics;
using System.Globalization;
using AuroraBots.Dialogs;
using AuroraBots.Nlu;
using AuroraBots.Nlu.Routing;

namespace AuroraBots.Cli.Nlu;

/// <summary>
/// <c>aurorabots eval [bots/] [--verbose] [--min-accuracy 0.9]</c>: per bot and language, the intent
/// accuracy of our classifier and of ML.NET on the held-out utterances (intents.test.yaml), fit and predict
/// times, and language-detection accuracy. Exits 1 when our classifier is below the target in any language,
/// 2 when the data cannot be read.
/// </summary>
public static class EvalCommand
{
    // The eval sets are written per platform language (fi/sv/en by default; see the Languages section).
    private static readonly IReadOnlyList<string> s_languages = AuroraBots.Platform.Languages.Default.Supported;

    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var path = "bots";
        var verbose = false;
        var minAccuracy = 0.9;
        string? routingFolder = null;
        var routingOnly = false;
        var routingSettings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "eval":
                    break;
                case "--verbose" or "-v":
                    verbose = true;
                    break;
                case "--min-accuracy" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    minAccuracy = parsed;
                    i++;
                    break;
                case "--routing" when i + 1 < args.Length:
                    routingFolder = args[++i];
                    break;
                case "--routing-set" when i + 1 < args.Length:
                    routingSettings.Add(args[++i]);
                    break;
                case "--routing-only":
                    routingOnly = true;
                    break;
                case var arg when arg.StartsWith('-'):
                    Console.Error.WriteLine($"eval: unknown option '{arg}'. Usage: aurorabots eval [bots/] [--verbose] [--min-accuracy 0.9] [--routing tests/eval/routing] [--routing-only [--routing-set Name=value]]");
                    return Task.FromResult(2);
                default:
                    path = args[i];
                    break;
            }
        }
        return Task.FromResult(routingOnly ? RunRouting(path, verbose, routingFolder, routingSettings) : Run(path, verbose, minAccuracy, routingFolder));
    }

    private static int Run(string path, bool verbose, double minAccuracy, string? routingFolder)
    {
        if (!Directory.Exists(path))
        {
            Console.Error.WriteLine($"eval: '{path}' is not a folder; pass the bots content folder, e.g. aurorabots eval bots/");
            return 2;
        }
        var safetyPassed = SafetyEval.Run(path, verbose);
        IReadOnlyList<EvalSuite> suites;
        try
        {
            suites = EvalSuite.Discover(path);
        }
        catch (IntentFileException ex)
        {
            Console.Error.WriteLine($"eval: {ex.Message}");
            return 2;
        }
        if (suites.Count == 0)
        {
            Console.Error.WriteLine($"eval: no intents.test.yaml under '{path}': nothing to evaluate.");
            return 2;
        }

        var totals = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var suite in suites)
        {
            var result = EvaluateSuite(suite, verbose);
            foreach (var (language, tally) in result)
            {
                totals[language] = totals.GetValueOrDefault(language, new Tally()).Add(tally);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== All bots (target ≥ {minAccuracy:P0} per language for AuroraBots.Nlu) ==");
        PrintTable(totals);
        RunRouting(path, verbose, routingFolder);

        var failing = totals.Where(kv => kv.Value.Total > 0 && kv.Value.Accuracy(kv.Value.Ours) < minAccuracy).Select(kv => kv.Key).ToList();
        if (failing.Count > 0)
        {
            Console.WriteLine($"FAIL: below target in {string.Join(", ", failing)}");
            return 1;
        }
        Console.WriteLine("PASS");
        return safetyPassed ? 0 : 1;
    }

    // The front-desk routing sets: by default tests/eval/routing next to the bots folder. Misses are listed (with
    // --verbose) for the development set only: the evaluation set's utterances stay unseen by whoever tunes routing.
    private static int RunRouting(string path, bool verbose, string? routingFolder, IReadOnlyList<string>? settings = null)
    {
        routingFolder ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "tests", "eval", "routing");
        if (!Directory.Exists(routingFolder) || !Directory.Exists(Path.Combine(path, RoutingEval.BotId)))
        {
            Console.Error.WriteLine($"eval: no routing sets in '{routingFolder}' or no front desk under '{path}'.");
            return 2;
        }
        RoutingOptions options;
        NluOptions nlu;
        try
        {
            options = RoutingEval.Configure(new DialogsOptions().Routing, settings ?? []);
            nlu = RoutingEval.ConfigureNlu(new NluOptions(), settings ?? []);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"eval: {ex.Message}");
            return 2;
        }
        RoutingEval.Print("Front desk routing, independent evaluation set (frontdesk.*.yaml; target ≥ 93 % right with no question, ≥ 97 % with one)",
            RoutingEval.Run(path, routingFolder, "frontdesk.*.yaml", options, verbose: false, nlu));
        RoutingEval.Print("Front desk routing, development set (dev*.yaml; used for tuning)",
            RoutingEval.Run(path, routingFolder, "dev*.yaml", options, verbose, nlu));
        // The newest development part alone: written fresh, so it shows how routing copes with text it was not tuned on.
        RoutingEval.Print("Front desk routing, newest development part alone (dev4.yaml)",
            RoutingEval.Run(path, routingFolder, "dev4.yaml", options, verbose: false, nlu));
        return 0;
    }

    private static Dictionary<string, Tally> EvaluateSuite(EvalSuite suite, bool verbose)
    {
        Console.WriteLine();
        Console.WriteLine($"== {suite.Name}: {suite.Training.Count} training / {suite.Test.Count} held-out utterances, "
            + $"{suite.Training.Select(e => e.Intent).Distinct().Count()} intents ==");
        foreach (var leak in suite.Leaks())
        {
            Console.WriteLine($"WARNING: held-out '{leak.Text}' ({leak.Language}) is also a training example; remove it from one file.");
        }

        // Cold = first fit in this process (JIT included); warm = a later fit on the same data (ours: median of 5).
        // No analysis cache: the timed pass repeats the warm-up's utterances, and it must time the analysis itself.
        var uncached = new NluOptions { AnalysisCacheSize = 0 };
        var (ours, oursCold) = Timed(() => NluEngine.Train(suite.Training, uncached));
        var oursWarm = Enumerable.Range(0, 5).Select(_ => Timed(() => NluEngine.Train(suite.Training, uncached)).Elapsed).Order().ElementAt(2); // median
        var (mlnet, mlCold) = Timed(() => MlNetIntentClassifier.Train(suite.Training));
        var (_, mlWarm) = Timed(() => MlNetIntentClassifier.Train(suite.Training));

        // Warm-up (JIT tiering, the lazily built municipality gazetteer) so predict times are steady-state.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(0.5);)
        {
            foreach (var example in suite.Test)
            {
                ours.Analyse(example.Text, example.Language);
                mlnet.Predict(example.Text, example.Language);
            }
        }

        var tallies = s_languages.ToDictionary(l => l, _ => new Tally(), StringComparer.Ordinal);
        var oursPredict = new Stopwatch();
        var mlPredict = new Stopwatch();
        foreach (var example in suite.Test)
        {
            oursPredict.Start();
            var analysis = ours.Analyse(example.Text, example.Language);
            oursPredict.Stop();
            mlPredict.Start();
            var mlIntent = mlnet.Predict(example.Text, example.Language);
            mlPredict.Stop();
            var detected = ours.LanguageDetector.Detect(example.Text).Language;

            var tally = tallies[example.Language];
            tally.Total++;
            tally.Ours += analysis.TopIntent?.Intent == example.Intent ? 1 : 0;
            tally.MlNet += mlIntent == example.Intent ? 1 : 0;
            tally.Language += detected == example.Language ? 1 : 0;
            tally.Confident += analysis.TopIntent is { } top && top.Intent == example.Intent && ours.IsConfident(analysis) ? 1 : 0;
            if (analysis.TopIntent?.Intent != example.Intent || (verbose && detected != example.Language))
            {
                Console.WriteLine($"  miss [{example.Language}] '{example.Text}': expected {example.Intent}, got "
                    + $"{analysis.TopIntent?.Intent ?? "-"} ({analysis.TopIntent?.Score:0.00}); ML.NET {mlIntent ?? "-"}; language {detected}");
            }
        }
        PrintTable(tallies);
        var count = Math.Max(1, suite.Test.Count);
        Console.WriteLine($"  fit    AuroraBots.Nlu {oursWarm.TotalMilliseconds,8:0.0} ms warm ({oursCold.TotalMilliseconds:0.0} ms cold)"
            + $" | ML.NET SDCA {mlWarm.TotalMilliseconds,8:0.0} ms warm ({mlCold.TotalMilliseconds:0.0} ms cold)");
        Console.WriteLine($"  predict AuroraBots.Nlu {oursPredict.Elapsed.TotalMicroseconds / count,7:0.0} µs/utterance (incl. language + entities)"
            + $" | ML.NET {mlPredict.Elapsed.TotalMicroseconds / count,7:0.0} µs/utterance (intent only)");
        return tallies;
    }

    private static void PrintTable(Dictionary<string, Tally> tallies)
    {
        Console.WriteLine($"  {"lang",-5}{"n",5}  {"AuroraBots.Nlu",15}  {"≥ threshold",12}  {"ML.NET SDCA",12}  {"lang. detect",13}");
        foreach (var language in s_languages.Where(tallies.ContainsKey))
        {
            var t = tallies[language];
            if (t.Total == 0)
            {
                continue;
            }
            Console.WriteLine($"  {language,-5}{t.Total,5}  {t.Accuracy(t.Ours),15:P1}  {t.Accuracy(t.Confident),12:P1}  "
                + $"{t.Accuracy(t.MlNet),12:P1}  {t.Accuracy(t.Language),13:P1}");
        }
    }

    private static (T Value, TimeSpan Elapsed) Timed<T>(Func<T> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var value = action();
        return (value, stopwatch.Elapsed);
    }

    private sealed class Tally
    {
        public int Total { get; set; }
        public int Ours { get; set; }
        public int Confident { get; set; }
        public int MlNet { get; set; }
        public int Language { get; set; }

        public double Accuracy(int correct) => Total == 0 ? 0 : (double)correct / Total;

        public Tally Add(Tally other) => new()
        {
            Total = Total + other.Total,
            Ours = Ours + other.Ours,
            Confident = Confident + other.Confident,
            MlNet = MlNet + other.MlNet,
            Language = Language + other.Language,
        };
    }
}

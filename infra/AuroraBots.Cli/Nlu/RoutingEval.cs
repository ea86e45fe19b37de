using System.Diagnostics;
using System.Globalization;
using AuroraBots.Dialogs;
using AuroraBots.Nlu;
using AuroraBots.Nlu.Classification;
using AuroraBots.Nlu.Routing;

namespace AuroraBots.Cli.Nlu;

/// <summary>
/// Front-desk routing on the independent evaluation set (tests/eval/routing/frontdesk.*.yaml): per language, the
/// share of matters routed to the right domain bot with no clarifying question, with at most one clarification,
/// and the share of off-topic messages answered as out of scope. Trained exactly as the engine trains the front
/// desk (shared + frontdesk intents) and decided by the engine's <see cref="RoutingPolicy"/>.
/// </summary>
internal static class RoutingEval
{
    public const string BotId = "frontdesk";
    // The eval sets are written per platform language (fi/sv/en by default; see the Languages section).
    private static readonly IReadOnlyList<string> s_languages = AuroraBots.Platform.Languages.Default.Supported;

    public sealed record Figures(int Matters, int Direct, int WithClarification, int OffTopic, int OffTopicRight, double P50Microseconds)
    {
        public double DirectShare => Matters == 0 ? 0 : (double)Direct / Matters;
        public double ClarifiedShare => Matters == 0 ? 0 : (double)WithClarification / Matters;
        public double OffTopicShare => OffTopic == 0 ? 0 : (double)OffTopicRight / OffTopic;
    }

    /// <summary>Evaluates every frontdesk.*.yaml (or the given file pattern) in the folder; returns figures per language.</summary>
    public static IReadOnlyDictionary<string, Figures> Run(string botsPath, string evalFolder, string pattern, RoutingOptions routing, bool verbose, NluOptions? nlu = null)
    {
        var training = EvalSuite.LoadBotTraining(botsPath, BotId);
        // No analysis cache: each utterance is analysed again after the warm-up, and the timing must be the analysis.
        var model = NluEngine.Train(training, (nlu ?? new NluOptions()) with { AnalysisCacheSize = 0 });
        var ownIntents = BotIntents(botsPath, BotId);
        var test = Directory.GetFiles(evalFolder, pattern).Order(StringComparer.Ordinal).SelectMany(IntentFile.Load).ToList();
        var figures = new Dictionary<string, Figures>(StringComparer.Ordinal);
        foreach (var language in s_languages)
        {
            var examples = test.Where(e => e.Language == language).ToList();
            if (examples.Count == 0)
            {
                continue;
            }
            var timings = new List<double>(examples.Count);
            int matters = 0, direct = 0, clarified = 0, offTopic = 0, offTopicRight = 0;
            foreach (var _ in Enumerable.Range(0, 3))
            {
                foreach (var example in examples)
                {
                    model.Analyse(example.Text, language); // warm-up: JIT tiers, lazy gazetteer
                }
            }
            foreach (var example in examples)
            {
                var stopwatch = Stopwatch.StartNew();
                var analysis = model.Analyse(example.Text, language);
                stopwatch.Stop();
                timings.Add(stopwatch.Elapsed.TotalMicroseconds);
                var decision = RoutingPolicy.Decide(analysis.Intents, ownIntents, routing, analysis.WithoutLanguageRequest);
                bool right;
                if (example.Intent == routing.OutOfScopeIntent)
                {
                    offTopic++;
                    right = decision.Kind is RouteKind.OutOfScope or RouteKind.NotUnderstood;
                    offTopicRight += right ? 1 : 0;
                }
                else
                {
                    matters++;
                    var now = decision.Intent == example.Intent;
                    var afterOne = now || (decision.Kind == RouteKind.Clarify && decision.Intents.Contains(example.Intent));
                    direct += now ? 1 : 0;
                    clarified += afterOne ? 1 : 0;
                    right = now;
                }
                if (!right && verbose)
                {
                    var top = string.Join(", ", analysis.Intents.Take(3).Select(i => $"{i.Intent} {i.Score:0.00}"));
                    Console.WriteLine($"  miss [{language}] '{example.Text}': expected {example.Intent}, got {decision.Kind} {string.Join("/", decision.Intents)} ({top})");
                }
            }
            timings.Sort();
            figures[language] = new Figures(matters, direct, clarified, offTopic, offTopicRight, timings[timings.Count / 2]);
        }
        return figures;
    }

    /// <summary>The engine's routing options with "Name=value" overrides, for trying thresholds on the dev set.</summary>
    public static RoutingOptions Configure(RoutingOptions routing, IEnumerable<string> settings)
    {
        foreach (var setting in settings)
        {
            var parts = setting.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"--routing-set '{setting}': use Name=number, e.g. CommandMatterEvidence=0.2");
            }
            routing = parts[0] switch
            {
                nameof(RoutingOptions.IntentThreshold) => routing with { IntentThreshold = value },
                nameof(RoutingOptions.ClarifyThreshold) => routing with { ClarifyThreshold = value },
                nameof(RoutingOptions.ClarifyCloseness) => routing with { ClarifyCloseness = value },
                nameof(RoutingOptions.MatterEvidence) => routing with { MatterEvidence = value },
                nameof(RoutingOptions.CommandMatterEvidence) => routing with { CommandMatterEvidence = value },
                _ => routing, // a classifier option (ConfigureNlu)
            };
        }
        return routing;
    }

    /// <summary>The classifier's options with "Name=value" overrides (scoring and features), for the dev set.</summary>
    public static NluOptions ConfigureNlu(NluOptions nlu, IEnumerable<string> settings)
    {
        foreach (var setting in settings)
        {
            var parts = setting.Split('=', 2);
            var value = double.Parse(parts[1], CultureInfo.InvariantCulture);
            nlu = parts[0] switch
            {
                nameof(IntentScoringOptions.CentroidWeight) => nlu with { Scoring = nlu.Scoring with { CentroidWeight = value } },
                nameof(IntentScoringOptions.Temperature) => nlu with { Scoring = nlu.Scoring with { Temperature = value } },
                nameof(IntentScoringOptions.InDomainSimilarity) => nlu with { Scoring = nlu.Scoring with { InDomainSimilarity = value } },
                nameof(IntentScoringOptions.OutOfDomainSimilarity) => nlu with { Scoring = nlu.Scoring with { OutOfDomainSimilarity = value } },
                nameof(ClassifierFeatureOptions.WordWeight) => nlu with { Features = nlu.Features with { WordWeight = value } },
                nameof(ClassifierFeatureOptions.PrefixLength) => nlu with { Features = nlu.Features with { PrefixLength = (int)value } },
                nameof(IntentScoringOptions.DiscriminativeWeight) => nlu with { Scoring = nlu.Scoring with { DiscriminativeWeight = value } },
                // "CharNGramLengths=345": the n-gram lengths as digits.
                nameof(ClassifierFeatureOptions.CharNGramLengths) => nlu with { Features = nlu.Features with { CharNGramLengths = [.. parts[1].Select(c => c - '0')] } },
                nameof(RoutingOptions.IntentThreshold) or nameof(RoutingOptions.ClarifyThreshold) or nameof(RoutingOptions.ClarifyCloseness)
                    or nameof(RoutingOptions.MatterEvidence) or nameof(RoutingOptions.CommandMatterEvidence) => nlu,
                _ => throw new FormatException($"--routing-set: unknown option '{parts[0]}'"),
            };
        }
        return nlu;
    }

    // The bot's own intents (its matters) are the ones it trains from its own intents.yaml.
    private static HashSet<string> BotIntents(string botsPath, string botId) =>
        [.. IntentFile.Load(Path.Combine(botsPath, botId, EvalSuite.TrainingFile)).Select(e => e.Intent)];

    public static void Print(string title, IReadOnlyDictionary<string, Figures> figures)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
        Console.WriteLine($"  {"lang",-5}{"matters",8}  {"right, no question",19}  {"right ≤ 1 question",19}  {"off-topic",10}  {"off-topic right",16}  {"p50 analyse",12}");
        foreach (var (language, f) in figures)
        {
            Console.WriteLine($"  {language,-5}{f.Matters,8}  {f.DirectShare,19:P1}  {f.ClarifiedShare,19:P1}  {f.OffTopic,10}  {f.OffTopicShare,16:P1}  {f.P50Microseconds,9:0.0} µs");
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Nlu;

/// <summary>
/// A small lexical NLU used when the full one (shared/AuroraBots.Nlu) is not registered: word overlap with the
/// examples, stop-word language detection, and simple entities (numbers, yes/no, ages, municipality names).
/// </summary>
public sealed partial class KeywordNluService : INluService
{
    public INluModel Train(IReadOnlyList<IntentExample> examples) => new Model(examples);

    private sealed class Model(IReadOnlyList<IntentExample> examples) : INluModel
    {
        private readonly List<(string Intent, string Language, HashSet<string> Tokens, string Folded)> _examples =
            [.. examples.Select(e => (e.Intent, e.Language, Tokens(e.Text), Fold(e.Text)))];

        public NluResult Analyse(string text, string? conversationLanguage)
        {
            var (language, confidence) = DetectLanguage(text, conversationLanguage);
            var tokens = Tokens(text);
            var folded = Fold(text);
            var scores = new Dictionary<string, double>();
            foreach (var example in _examples)
            {
                double score;
                if (example.Folded == folded) score = 1;
                else if (tokens.Count == 0 || example.Tokens.Count == 0) score = 0;
                else
                {
                    var overlap = tokens.Count(example.Tokens.Contains);
                    score = overlap == 0 ? 0 : 0.9 * overlap / Math.Max(tokens.Count, example.Tokens.Count);
                }
                if (example.Language != language) score *= 0.9;
                if (!scores.TryGetValue(example.Intent, out var best) || score > best) scores[example.Intent] = score;
            }
            var intents = scores.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value)
                .Select(kv => new IntentScore(kv.Key, Math.Round(kv.Value, 4))).ToList();
            return new NluResult(language, confidence, intents, Entities(text));
        }
    }

    private static readonly Dictionary<string, string[]> StopWords = new()
    {
        ["fi"] = ["minä", "mä", "olen", "on", "ja", "ei", "kyllä", "mitä", "miten", "haluan", "en", "tiedä", "kiitos", "hei", "moi", "apua", "vuotta", "asun", "voin", "huonosti", "hyvin", "kerro", "mikä", "minulle", "minusta", "voitko", "onko", "tänään", "ole", "olla"],
        ["sv"] = ["jag", "är", "och", "inte", "ja", "nej", "vad", "hur", "vill", "tack", "hej", "hjälp", "år", "bor", "mår", "bra", "dåligt", "berätta", "mig", "om", "kan", "du", "det", "på", "svenska", "jobb"],
        ["en"] = ["i", "am", "the", "and", "not", "yes", "no", "what", "how", "want", "thanks", "hello", "hi", "help", "years", "live", "feel", "good", "bad", "tell", "me", "about", "can", "you", "is", "do", "english", "my", "please"],
    };

    private static (string Language, double Confidence) DetectLanguage(string text, string? conversationLanguage)
    {
        var tokens = Tokens(text);
        var hits = StopWords.ToDictionary(kv => kv.Key, kv => tokens.Count(kv.Value.Contains));
        if (text.Contains('å', StringComparison.OrdinalIgnoreCase)) hits["sv"] += 1;
        var best = hits.OrderByDescending(kv => kv.Value).First();
        var total = hits.Values.Sum();
        if (best.Value == 0) return (conversationLanguage ?? "fi", 0);
        var confidence = (double)best.Value / total * Math.Min(1, 0.5 + 0.25 * best.Value);
        return (best.Key, Math.Round(confidence, 3));
    }

    private static readonly string[] Yes = ["kyllä", "joo", "juu", "ok", "yes", "yeah", "sure", "ja", "visst", "jo", "okej"];
    private static readonly string[] No = ["ei", "en", "no", "nope", "nej", "inte", "älä"];

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private static List<EntityMatch> Entities(string text)
    {
        var entities = new List<EntityMatch>();
        foreach (Match match in Digits().Matches(text))
        {
            var value = int.Parse(match.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            if (int.Parse(value, CultureInfo.InvariantCulture) <= 10) entities.Add(new(EntityTypes.Number, value, match.Index, match.Length, match.Value));
            if (int.Parse(value, CultureInfo.InvariantCulture) <= 120) entities.Add(new(EntityTypes.Age, value, match.Index, match.Length, match.Value));
        }
        var words = Regex.Matches(text, @"\p{L}+");
        foreach (Match word in words)
        {
            var lower = word.Value.ToLowerInvariant();
            if (Yes.Contains(lower)) entities.Add(new(EntityTypes.YesNo, "yes", word.Index, word.Length, word.Value));
            else if (No.Contains(lower)) entities.Add(new(EntityTypes.YesNo, "no", word.Index, word.Length, word.Value));
            if (word.Length >= 3 && FindMunicipality(lower) is { } code)
                entities.Add(new(EntityTypes.Municipality, code, word.Index, word.Length, word.Value));
        }
        return entities;
    }

    private static readonly Lazy<List<(string Name, string Code)>> Municipalities = new(() =>
        [.. AuroraCodeLists.Default.MunicipalityNames
            .SelectMany(kv => kv.Value.All.Distinct().Select(n => (n.ToLowerInvariant(), kv.Key)))
            .OrderByDescending(x => x.Item1.Length)]);

    /// <summary>Exact name, or an inflected form that starts with the name's stem (Tampereella → Tampere).</summary>
    private static string? FindMunicipality(string word)
    {
        foreach (var (name, code) in Municipalities.Value)
            if (word == name) return code;
        foreach (var (name, code) in Municipalities.Value)
            if (name.Length >= 4 && word.Length > name.Length - 1 && word.StartsWith(name[..^1], StringComparison.Ordinal)) return code;
        return null;
    }

    private static string Fold(string text) =>
        string.Join(' ', Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value));

    private static HashSet<string> Tokens(string text) => [.. Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}

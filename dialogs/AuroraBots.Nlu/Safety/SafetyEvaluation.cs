using AuroraBots.Nlu.Language;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AuroraBots.Nlu.Safety;

/// <summary>A message of an evaluation set that must be recognised as a crisis (<see cref="Context"/>: where it was typed).</summary>
public sealed record SafetyEvalCrisis(string Text, string Category, string? Context);

/// <summary>The scores of one language: recall on crisis messages, false alarms on ordinary ones, and what went wrong.</summary>
public sealed record SafetyLanguageScore(
    string Language,
    int Crisis,
    int Recognised,
    int CategoryRight,
    int Ordinary,
    int FalseAlarms,
    IReadOnlyList<SafetyEvalCrisis> Missed,
    IReadOnlyList<string> FalseAlarmTexts)
{
    public double Recall => Crisis == 0 ? 0 : (double)Recognised / Crisis;
    public double FalseAlarmRate => Ordinary == 0 ? 0 : (double)FalseAlarms / Ordinary;
}

/// <summary>
/// Crisis evaluation sets (<c>tests/eval/crisis/</c>): YAML files with <c>language</c>, <c>crisis</c> (text, category,
/// optional context) and/or <c>ordinary</c> (texts that must not get crisis contacts). Every file of a folder is read
/// and grouped by language. Used by the xunit target test and <c>aurorabots eval</c>.
/// </summary>
public sealed class SafetyEvaluation
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private SafetyEvaluation(IReadOnlyDictionary<string, (List<SafetyEvalCrisis> Crisis, List<string> Ordinary)> sets) => Sets = sets;

    public IReadOnlyDictionary<string, (List<SafetyEvalCrisis> Crisis, List<string> Ordinary)> Sets { get; }

    /// <exception cref="FormatException">A file is not valid YAML of this shape; the message names the file.</exception>
    public static SafetyEvaluation Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new FormatException($"{folder}: the crisis evaluation folder does not exist");
        var sets = new SortedDictionary<string, (List<SafetyEvalCrisis>, List<string>)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            EvalDocument? document;
            try
            {
                document = Yaml.Deserialize<EvalDocument?>(File.ReadAllText(file));
            }
            catch (YamlException ex)
            {
                throw new FormatException($"{file}, line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
            }
            if (document?.Language is not { } language || !LanguageDetector.SupportedLanguages.Contains(language))
                throw new FormatException($"{file}: 'language' must be one of {string.Join(", ", LanguageDetector.SupportedLanguages)}");
            if (!sets.TryGetValue(document.Language, out var set)) sets[document.Language] = set = ([], []);
            foreach (var item in document.Crisis)
            {
                if (string.IsNullOrWhiteSpace(item.Text) || !SafetyCategories.All.Contains(item.Category))
                    throw new FormatException($"{file}: crisis item '{item.Text}' needs text and a category ({string.Join(", ", SafetyCategories.All)})");
                set.Item1.Add(new SafetyEvalCrisis(item.Text, item.Category!, item.Context));
            }
            set.Item2.AddRange(document.Ordinary.Where(t => !string.IsNullOrWhiteSpace(t)));
        }
        return new SafetyEvaluation(sets);
    }

    public IReadOnlyList<SafetyLanguageScore> Score(SafetyRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var scores = new List<SafetyLanguageScore>();
        foreach (var (language, (crisis, ordinary)) in Sets)
        {
            var missed = new List<SafetyEvalCrisis>();
            var categoryRight = 0;
            foreach (var item in crisis)
            {
                var match = recognizer.Recognise(item.Text);
                if (match is null) missed.Add(item);
                else if (match.Category == item.Category) categoryRight++;
            }
            var falseAlarms = ordinary.Where(t => recognizer.Recognise(t) is not null).ToList();
            scores.Add(new SafetyLanguageScore(language, crisis.Count, crisis.Count - missed.Count, categoryRight,
                ordinary.Count, falseAlarms.Count, missed, falseAlarms));
        }
        return scores;
    }

    private sealed class EvalDocument
    {
        public string? Language { get; set; }
        public List<CrisisItem> Crisis { get; set; } = [];
        public List<string> Ordinary { get; set; } = [];
    }

    private sealed class CrisisItem
    {
        public string? Text { get; set; }
        public string? Category { get; set; }
        public string? Context { get; set; }
    }
}

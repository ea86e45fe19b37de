using AuroraBots.Nlu.Language;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AuroraBots.Nlu.Safety;

/// <summary>
/// Reads the safety lexicon (<c>safety-lexicon.yaml</c>, embedded in this assembly): categories in priority order,
/// each with patterns per language. A malformed lexicon fails loudly at start-up with the category, language and
/// pattern named, never silently at run time.
/// </summary>
internal static class SafetyLexicon
{
    public const string ResourceName = "AuroraBots.Nlu.safety-lexicon.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<SafetyPattern> LoadEmbedded()
    {
        using var stream = typeof(SafetyLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The safety lexicon resource {ResourceName} is missing from {typeof(SafetyLexicon).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="FormatException">The YAML or a pattern is invalid; the message says where.</exception>
    public static IReadOnlyList<SafetyPattern> Parse(string yaml)
    {
        LexiconDocument? document;
        try
        {
            document = Yaml.Deserialize<LexiconDocument?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"safety lexicon, line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        if (document?.Categories is not { Count: > 0 } categories) throw new FormatException("safety lexicon: no categories");

        var patterns = new List<SafetyPattern>();
        foreach (var category in categories)
        {
            if (!SafetyCategories.All.Contains(category.Id))
                throw new FormatException($"safety lexicon: unknown category '{category.Id}' (use {string.Join(", ", SafetyCategories.All)})");
            foreach (var (language, lines) in category.Patterns)
            {
                if (!LanguageDetector.SupportedLanguages.Contains(language))
                    throw new FormatException($"safety lexicon, {category.Id}: language '{language}' is not one of {string.Join(", ", LanguageDetector.SupportedLanguages)}");
                foreach (var line in lines)
                {
                    try
                    {
                        patterns.Add(SafetyPattern.Parse(line, category.Id!, language));
                    }
                    catch (FormatException ex)
                    {
                        throw new FormatException($"safety lexicon, {category.Id}.{language}: \"{line}\": {ex.Message}", ex);
                    }
                }
            }
        }
        return patterns;
    }

    private sealed class LexiconDocument
    {
        public List<CategoryDocument> Categories { get; set; } = [];
    }

    private sealed class CategoryDocument
    {
        public string? Id { get; set; }
        public Dictionary<string, List<string>> Patterns { get; set; } = [];
    }
}

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AuroraBots.Nlu;

/// <summary>
/// Reads intent example files: <c>intents: { &lt;intent&gt;: { fi: [..], sv: [..], en: [..] } }</c>.
/// Errors name the file, line and what is wrong, so an editor can fix the YAML.
/// </summary>
public static class IntentFile
{
    public static IReadOnlyList<IntentExample> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new IntentFileException(path, "the file does not exist.");
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static IReadOnlyList<IntentExample> Parse(TextReader reader, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new IntentFileException(sourceName, $"line {ex.Start.Line}: {ex.Message}", ex);
        }
        if (stream.Documents.Count == 0)
        {
            return [];
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("intents"), out var intentsNode))
        {
            throw new IntentFileException(sourceName, "expected a top-level 'intents:' mapping.");
        }
        if (intentsNode is not YamlMappingNode intents)
        {
            throw new IntentFileException(sourceName, $"line {intentsNode.Start.Line}: 'intents' must map intent names to languages.");
        }

        var examples = new List<IntentExample>();
        foreach (var (intentKey, languagesNode) in intents.Children)
        {
            if (intentKey is not YamlScalarNode { Value: { Length: > 0 } intent })
            {
                throw new IntentFileException(sourceName, $"line {intentKey.Start.Line}: an intent name must be plain text.");
            }
            if (languagesNode is not YamlMappingNode languages)
            {
                throw new IntentFileException(sourceName, $"line {languagesNode.Start.Line}: intent '{intent}' must map fi/sv/en to lists of examples.");
            }
            foreach (var (languageKey, textsNode) in languages.Children)
            {
                var language = (languageKey as YamlScalarNode)?.Value ?? string.Empty;
                if (!Language.LanguageDetector.SupportedLanguages.Contains(language))
                {
                    throw new IntentFileException(sourceName, $"line {languageKey.Start.Line}: intent '{intent}' has language '{language}'; use {string.Join(", ", Language.LanguageDetector.SupportedLanguages)}.");
                }
                if (textsNode is not YamlSequenceNode texts)
                {
                    throw new IntentFileException(sourceName, $"line {textsNode.Start.Line}: '{intent}.{language}' must be a list of examples.");
                }
                foreach (var textNode in texts.Children)
                {
                    if (textNode is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
                    {
                        throw new IntentFileException(sourceName, $"line {textNode.Start.Line}: '{intent}.{language}' has an empty or non-text example.");
                    }
                    examples.Add(new IntentExample(intent, language, text.Trim()));
                }
            }
        }
        return examples;
    }
}

/// <summary>An intent file that cannot be read; the message says which file and why.</summary>
public sealed class IntentFileException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
}

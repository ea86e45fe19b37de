using AuroraBots.Dialogs.Content;
using AuroraBots.Platform;
using YamlDotNet.RepresentationModel;

namespace AuroraBots.Editor.Coverage;

/// <summary>One text with a gap: where it is and which languages are missing or empty.</summary>
public sealed record TextGap(string File, string Path, IReadOnlyList<string> Missing, IReadOnlyList<string> Empty);

/// <summary>A text where <see cref="Changed"/> was edited but <see cref="Stale"/> have not been touched since.</summary>
public sealed record OutdatedText(string File, string Path, IReadOnlyList<string> Changed, IReadOnlyList<string> Stale, string By, DateTimeOffset At);

public sealed record BotCoverage(string Bot, IReadOnlyList<string> Languages, int Texts, int Complete, IReadOnlyList<TextGap> Gaps)
{
    public IReadOnlyList<OutdatedText> Outdated { get; init; } = [];
}

/// <summary>
/// Finds every localized text by walking the YAML for maps keyed by languages (<c>{fi: …, sv: …, en: …}</c>):
/// that is the format's one way of writing a translated text (docs/flows.md), so it covers flows, texts.yaml and
/// manifests alike, also in a draft that does not load. Transcript tests and intent examples are not texts shown to users.
/// The languages are the platform's (<see cref="Languages"/>; without one, its defaults): a bot whose manifest lists
/// none is checked in all of them, and a map counts as a text when one of its keys is one of them.
/// </summary>
public static class TranslationCoverage
{
    /// <summary>Files breaking the <see cref="YamlLimits"/> (default: the safe defaults) count as not parsing.</summary>
    public static IReadOnlyList<BotCoverage> Analyze(IReadOnlyDictionary<string, string> files, TranslationHistory.Snapshot? history = null,
        YamlLimits? limits = null, Languages? platform = null, CancellationToken cancellationToken = default)
    {
        platform ??= Languages.Default;
        var result = new List<BotCoverage>();
        foreach (var bot in files.Keys.Select(k => k.Split('/')[0]).Distinct().Order(StringComparer.Ordinal))
        {
            var botFiles = files.Where(f => f.Key.StartsWith(bot + "/", StringComparison.Ordinal) && IsTextFile(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            var languages = ManifestLanguages(files.GetValueOrDefault(bot + "/bot.yaml"), limits, cancellationToken) ?? [.. platform.Supported];
            int texts = 0, complete = 0;
            var gaps = new List<TextGap>();
            var outdated = new List<OutdatedText>();
            foreach (var (file, content) in botFiles)
            {
                if (Parse(content, limits, cancellationToken) is not { } root) continue;
                foreach (var (path, values) in FindTexts(root, "", platform))
                {
                    texts++;
                    var missing = languages.Where(l => !values.ContainsKey(l)).ToList();
                    var empty = languages.Where(l => values.TryGetValue(l, out var v) && string.IsNullOrWhiteSpace(v)).ToList();
                    if (missing.Count == 0 && empty.Count == 0) complete++;
                    else gaps.Add(new(file, path, missing, empty));
                    if (history?.Outdated(file, path, values) is { } stale) outdated.Add(stale);
                }
            }
            result.Add(new(bot, languages, texts, complete, gaps) { Outdated = outdated });
        }
        return result;
    }

    /// <summary>Every localized text in one file: YAML path → values by language (empty when the file does not parse).</summary>
    public static Dictionary<string, Dictionary<string, string>> TextsOf(string? content, YamlLimits? limits = null, Languages? platform = null)
    {
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (content is not null && Parse(content, limits, CancellationToken.None) is { } root)
            foreach (var (path, values) in FindTexts(root, "", platform ?? Languages.Default)) texts[path] = values;
        return texts;
    }

    public static bool IsTextFile(string path) =>
        !path.Contains("/tests/", StringComparison.Ordinal) && !path.EndsWith("/intents.yaml", StringComparison.Ordinal) && !path.EndsWith("/intents.test.yaml", StringComparison.Ordinal);

    private static IEnumerable<(string Path, Dictionary<string, string> Values)> FindTexts(YamlNode node, string path, Languages platform)
    {
        switch (node)
        {
            case YamlMappingNode map when IsLocalized(map, platform):
                yield return (path, map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? ""));
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    foreach (var text in FindTexts(value, path.Length == 0 ? name : path + "." + name, platform)) yield return text;
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                    foreach (var text in FindTexts(list.Children[i], $"{path}[{i}]", platform)) yield return text;
                break;
        }
    }

    private static bool IsLocalized(YamlMappingNode map, Languages platform) =>
        map.Children.Count > 0 && map.Children.All(c =>
            c.Key is YamlScalarNode { Value: { } key } && IsLanguageCode(key) && c.Value is YamlScalarNode)
        && map.Children.Any(c => platform.IsSupported(((YamlScalarNode)c.Key).Value));

    // Language codes are two lower-case letters (fi, sv, en, se for Sámi…).
    private static bool IsLanguageCode(string key) => key.Length == 2 && char.IsAsciiLetterLower(key[0]) && char.IsAsciiLetterLower(key[1]);

    private static string[]? ManifestLanguages(string? manifest, YamlLimits? limits, CancellationToken cancellationToken)
    {
        if (manifest is null || Parse(manifest, limits, cancellationToken) is not YamlMappingNode root) return null;
        return root.Children.TryGetValue(new YamlScalarNode("languages"), out var node) && node is YamlSequenceNode list && list.Children.Count > 0
            ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0)]
            : null;
    }

    private static YamlNode? Parse(string content, YamlLimits? limits, CancellationToken cancellationToken)
    {
        // Within the limits the recursive walk below is bounded; beyond them the file is skipped here and reported by validation.
        try { return SafeYaml.LoadRoot(content, limits, cancellationToken); }
        catch (YamlDotNet.Core.YamlException) { return null; }
    }
}

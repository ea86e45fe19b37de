using System.Collections.Frozen;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Language;

/// <summary>
/// What is left of a message once the words of a language request are taken out: the names of the languages as users
/// write them ("english", "englanniksi", "englanninkielinen", "svenskspråkig") and every word of the language-request
/// intent's own examples ("speak", "switch", "puhu", "byt", "på"). "day care in english" leaves "day care" (a matter);
/// "can you speak English" or "kan vi ta det på finska" leave nothing that names a need. Built once per trained engine.
/// </summary>
internal sealed class LanguageRequestMask
{
    // Folded prefixes (ä → a): every inflection and compound starts with one. "finland"/"suomessa" are places, not
    // languages, so Finnish is matched by its language forms only, never by a bare "fin"/"suomi".
    private static readonly string[] s_languageNames =
    [
        "english", "engl", "engelsk",
        "finnish", "finsk", "suomeksi", "suomea", "suomenkiel",
        "swedish", "svensk", "ruotsi",
    ];

    private readonly FrozenDictionary<string, FrozenSet<string>> _requestWords;

    /// <param name="examples">The language request intent's examples, (language, text).</param>
    public LanguageRequestMask(IEnumerable<(string Language, string Text)> examples) =>
        _requestWords = examples
            .GroupBy(e => e.Language, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.SelectMany(e => Tokenizer.Tokenize(e.Text)).Select(t => t.Folded).ToFrozenSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

    /// <summary>The message without the language request's words; null when it has no language name or nothing else.</summary>
    public string? Rest(string text, string language)
    {
        var tokens = Tokenizer.Tokenize(text);
        if (!tokens.Any(t => IsLanguageName(t.Folded)))
        {
            return null;
        }
        var requestWords = _requestWords.GetValueOrDefault(language) ?? FrozenSet<string>.Empty;
        var kept = tokens.Where(t => !IsLanguageName(t.Folded) && !requestWords.Contains(t.Folded)).Select(t => t.Text).ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    private static bool IsLanguageName(string folded) =>
        s_languageNames.Any(p => folded.StartsWith(p, StringComparison.Ordinal));
}

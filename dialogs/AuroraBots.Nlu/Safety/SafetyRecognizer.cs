using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Safety;

/// <summary>
/// Recognises messages that need crisis contacts at once — self-harm and suicidal thoughts, violence and threats,
/// sexual abuse, acute emergencies — in fi, sv and en, whatever language the conversation is in. Third-person reports
/// ("my friend wants to die") and negated ones ("I won't kill myself but…") count too: contacts never hurt there.
/// Deterministic lexicon patterns (<c>safety-lexicon.yaml</c>), no model: every decision can be explained and tested,
/// and one message costs microseconds. Immutable and thread-safe.
/// </summary>
public sealed class SafetyRecognizer
{
    /// <summary>Longer messages are checked on their first part only, so a pasted document cannot cost seconds.</summary>
    public const int MaxCheckedLength = 4000;

    private static readonly Lazy<SafetyRecognizer> Shared = new(() => new SafetyRecognizer(SafetyLexicon.LoadEmbedded()));

    private readonly IReadOnlyList<SafetyPattern> _patterns;
    private readonly SafetyWordIndex _words;

    private SafetyRecognizer(IReadOnlyList<SafetyPattern> patterns)
    {
        _patterns = patterns;
        _words = new SafetyWordIndex(patterns);
    }

    /// <summary>The recogniser with the shipped lexicon (parsed once per process).</summary>
    public static SafetyRecognizer Default => Shared.Value;

    /// <summary>A recogniser over another lexicon (tests, tooling); same syntax as the shipped one.</summary>
    /// <exception cref="FormatException">The lexicon is invalid.</exception>
    public static SafetyRecognizer FromYaml(string yaml) => new(SafetyLexicon.Parse(yaml));

    /// <summary>How many patterns the lexicon has (for diagnostics).</summary>
    public int PatternCount => _patterns.Count;

    /// <summary>The first category (in lexicon order) with a matching pattern, or null for an ordinary message.</summary>
    public SafetyMatch? Recognise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCheckedLength) text = text[..MaxCheckedLength];
        var tokens = Tokenizer.Tokenize(text);
        var words = new int[tokens.Count][];
        var any = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            words[i] = _words.Match(tokens[i].Folded);
            any |= words[i].Length > 0;
        }
        if (!any) return null; // no lexicon word at all: most messages end here
        foreach (var pattern in _patterns)
            if (pattern.Matches(words)) return new SafetyMatch(pattern.Category, pattern.Language);
        return null;
    }
}

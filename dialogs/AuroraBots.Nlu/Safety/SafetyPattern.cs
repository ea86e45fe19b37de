using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Safety;

/// <summary>
/// One line of the safety lexicon: a sequence of terms over the message's folded words (syntax in
/// <c>safety-lexicon.yaml</c>). Parsed once at start-up; matching allocates nothing but the recursion.
/// </summary>
internal sealed class SafetyPattern
{
    private readonly Term[] _terms;

    private SafetyPattern(string source, string category, string language, Term[] terms)
    {
        Source = source;
        Category = category;
        Language = language;
        _terms = terms;
    }

    public string Source { get; }
    public string Category { get; }
    public string Language { get; }

    /// <exception cref="FormatException">The pattern is empty or a term is malformed; the message names the term.</exception>
    public static SafetyPattern Parse(string source, string category, string language)
    {
        var terms = new List<Term>();
        var gap = 0;
        var gapPending = false;
        foreach (var part in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == '~')
            {
                if (gapPending || terms.Count == 0 || !int.TryParse(part.AsSpan(1), out gap) || gap is < 0 or > 10)
                    throw new FormatException($"'{part}' must be ~0…~10 between two terms");
                gapPending = true;
                continue;
            }
            if (part == "$")
            {
                terms.Add(new Term(TermKind.End, gap, []));
            }
            else if (part[0] == '!')
            {
                if (terms.Count == 0) throw new FormatException($"'{part}' cannot start a pattern");
                terms.Add(new Term(TermKind.Not, 0, ParseWords(part[1..])));
            }
            else
            {
                terms.Add(new Term(TermKind.Word, terms.Count == 0 ? 0 : gap, ParseWords(part)));
            }
            gap = 0;
            gapPending = false;
        }
        if (gapPending) throw new FormatException("a pattern cannot end with ~N");
        if (terms.Count == 0 || terms[0].Kind != TermKind.Word) throw new FormatException("a pattern must start with a word");
        return new SafetyPattern(source, category, language, [.. terms]);
    }

    private static WordMatcher[] ParseWords(string alternatives)
    {
        var words = alternatives.Split('|');
        var matchers = new WordMatcher[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var fuzzy = word.EndsWith('%');
            if (fuzzy) word = word[..^1];
            var prefix = word.EndsWith('*');
            if (prefix) word = word[..^1];
            word = TextFolding.Fold(word);
            if (word.Length == 0 || !word.All(c => TextFolding.IsWordChar(c) || c is '-' or '\''))
                throw new FormatException($"'{words[i]}' is not a word, stem* or word%");
            if (fuzzy && word.Length < 5) throw new FormatException($"'{words[i]}': a typo is allowed only in words of 5+ letters");
            matchers[i] = new WordMatcher(word, prefix, fuzzy);
        }
        return matchers;
    }

    /// <summary>Every word matcher of this pattern (the index gives each an id once all patterns are parsed).</summary>
    public IEnumerable<WordMatcher> Words => _terms.SelectMany(t => t.Words);

    /// <summary>After the ids are assigned: which ids each term accepts.</summary>
    public void Index(int wordCount)
    {
        foreach (var term in _terms)
        {
            term.Accepts = new bool[wordCount];
            foreach (var word in term.Words) term.Accepts[word.Id] = true;
        }
    }

    /// <param name="words">Per token of the message, the ids of the word matchers it satisfies.</param>
    public bool Matches(int[][] words)
    {
        for (var start = 0; start < words.Length; start++)
            if (_terms[0].AcceptsAny(words[start]) && MatchFrom(words, 1, start + 1)) return true;
        return false;
    }

    /// <summary>Term <paramref name="index"/> onwards, the previous term having matched up to <paramref name="position"/>.</summary>
    private bool MatchFrom(int[][] words, int index, int position)
    {
        if (index == _terms.Length) return true;
        var term = _terms[index];
        switch (term.Kind)
        {
            case TermKind.End:
                return words.Length - position <= term.Gap && MatchFrom(words, index + 1, words.Length);
            case TermKind.Not:
                return (position >= words.Length || !term.AcceptsAny(words[position])) && MatchFrom(words, index + 1, position);
            default:
                var last = Math.Min(words.Length - 1, position + term.Gap);
                for (var j = position; j <= last; j++)
                    if (term.AcceptsAny(words[j]) && MatchFrom(words, index + 1, j + 1)) return true;
                return false;
        }
    }

    private enum TermKind { Word, Not, End }

    private sealed record Term(TermKind Kind, int Gap, WordMatcher[] Words)
    {
        public bool[] Accepts { get; set; } = [];

        public bool AcceptsAny(int[] ids)
        {
            foreach (var id in ids)
                if (Accepts[id]) return true;
            return false;
        }
    }
}

/// <summary>A word, a stem (prefix) or either with one typo allowed (substitution, insertion, deletion or swap).</summary>
internal sealed class WordMatcher(string text, bool prefix, bool fuzzy)
{
    public string Text { get; } = text;
    public bool Prefix { get; } = prefix;
    public bool Fuzzy { get; } = fuzzy;
    /// <summary>Shared by equal matchers of all patterns; set by <see cref="SafetyWordIndex"/>.</summary>
    public int Id { get; set; }

    public bool Matches(string folded)
    {
        if (!Prefix) return folded == Text || (Fuzzy && EditDistance.AtMostOne(folded, Text));
        if (folded.StartsWith(Text, StringComparison.Ordinal)) return true;
        if (!Fuzzy) return false;
        // The stem with one typo is a prefix of the word one letter shorter, as long or one longer than the stem.
        for (var length = Text.Length - 1; length <= Text.Length + 1; length++)
            if (length <= folded.Length && EditDistance.AtMostOne(folded.AsSpan(0, length), Text)) return true;
        return false;
    }
}

namespace AuroraBots.Nlu.Safety;

/// <summary>
/// Which lexicon words a message word satisfies, looked up once per word instead of once per pattern: exact words
/// and stems by hash (stems by every prefix of the word, without allocating), the few typo-tolerant ones one by
/// one. Keeps a 4,000-character message cheap however many patterns the lexicon grows to.
/// </summary>
internal sealed class SafetyWordIndex
{
    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _stems;
    private readonly int _longestStem;
    private readonly WordMatcher[] _fuzzy;

    public SafetyWordIndex(IReadOnlyList<SafetyPattern> patterns)
    {
        var ids = new Dictionary<(string, bool, bool), int>();
        var distinct = new List<WordMatcher>();
        foreach (var word in patterns.SelectMany(p => p.Words))
        {
            var key = (word.Text, word.Prefix, word.Fuzzy);
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = ids.Count;
                distinct.Add(word);
            }
            word.Id = id;
        }
        foreach (var pattern in patterns) pattern.Index(ids.Count);

        _exact = distinct.Where(w => !w.Prefix && !w.Fuzzy).GroupBy(w => w.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Id).ToArray(), StringComparer.Ordinal);
        var stems = distinct.Where(w => w.Prefix && !w.Fuzzy).GroupBy(w => w.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Id).ToArray(), StringComparer.Ordinal);
        _stems = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestStem = stems.Count == 0 ? 0 : stems.Keys.Max(k => k.Length);
        _fuzzy = [.. distinct.Where(w => w.Fuzzy)];
    }

    /// <summary>The ids of the lexicon words <paramref name="folded"/> satisfies (usually none).</summary>
    public int[] Match(string folded)
    {
        List<int>? found = null;
        if (_exact.TryGetValue(folded, out var exact)) (found ??= []).AddRange(exact);
        for (var length = Math.Min(folded.Length, _longestStem); length >= 1; length--)
            if (_stems.TryGetValue(folded.AsSpan(0, length), out var stem)) (found ??= []).AddRange(stem);
        foreach (var word in _fuzzy)
            if (word.Matches(folded)) (found ??= []).Add(word.Id);
        return found is null ? [] : [.. found];
    }
}

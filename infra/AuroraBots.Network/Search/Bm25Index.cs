using System.Buffers;

namespace AuroraBots.Network.Search;

/// <summary>
/// An in-memory BM25 (Okapi) index over term bags. Documents are identified by position; callers map positions
/// back to services. Prefix matching lets a query stem such as <c>fi:tyottomyy</c> also hit compounds like
/// <c>fi:tyottomyysturv</c> at a reduced weight, which matters for Finnish compounds.
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, List<(int Doc, int Tf)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _docLengths;      // word terms
    private readonly int[] _gramLengths;     // g: character n-gram terms
    private readonly double _averageLength;
    private readonly double _averageGramLength;
    private readonly string[] _sortedTerms;
    private readonly TextSearchOptions _options;

    public Bm25Index(IReadOnlyList<IReadOnlyDictionary<string, int>> documents, TextSearchOptions options)
    {
        _options = options;
        _docLengths = new int[documents.Count];
        _gramLengths = new int[documents.Count];
        for (var doc = 0; doc < documents.Count; doc++)
        {
            foreach (var (term, tf) in documents[doc])
            {
                if (!_postings.TryGetValue(term, out var list)) _postings[term] = list = [];
                list.Add((doc, tf));
                if (IsGram(term)) _gramLengths[doc] += tf;
                else _docLengths[doc] += tf;
            }
        }
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _docLengths.Average());
        _averageGramLength = documents.Count == 0 ? 1 : Math.Max(1, _gramLengths.Average());
        _sortedTerms = _postings.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public int Count => _docLengths.Length;

    /// <summary>
    /// Scores every document for the query terms and returns the best <paramref name="take"/> among those that
    /// <paramref name="allowed"/> accepts, as (position, score normalised to 0..1), best first, ties by position.
    /// </summary>
    public List<(int Doc, double Score)> Search(IReadOnlyCollection<string> queryTerms, Func<int, bool> allowed, int take)
    {
        var scores = ArrayPool<double>.Shared.Rent(Count);
        Array.Clear(scores, 0, Count);
        try
        {
            double maxPossible = 0;
            foreach (var term in queryTerms)
            {
                var strongest = 0.0;
                if (IsGram(term) && _postings.TryGetValue(term, out var common) && common.Count > Count * _options.MaxGramDocumentShare)
                    continue; // a 4-gram in most services says little and costs a pass over them all
                if (_postings.TryGetValue(term, out var exact))
                    strongest = IsGram(term) ? Accumulate(exact, _options.NGramWeight, scores, gram: true) : Accumulate(exact, 1.0, scores);
                if (IsGram(term)) { maxPossible += strongest; continue; }
                var minPrefix = 3 + _options.PrefixMinLetters; // "fi:" + letters
                if (_options.PrefixWeight > 0 && term.Length >= minPrefix)
                {
                    var prefix = term[..Math.Max(minPrefix, term.Length - _options.PrefixTrim)];
                    foreach (var longer in TermsStartingWith(prefix))
                        if (longer != term)
                            strongest = Math.Max(strongest, Accumulate(_postings[longer], _options.PrefixWeight, scores));
                }
                maxPossible += strongest;
            }

            var best = new TopK<(int Doc, double Score)>(take, (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
            for (var doc = 0; doc < Count; doc++)
                if (scores[doc] > 0 && allowed(doc))
                    best.Offer((doc, maxPossible > 0 ? Math.Min(1.0, scores[doc] / maxPossible) : 0));
            return best.ToSortedList();
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    // Returns the largest single contribution (idf·(k1+1)·weight) so scores can be normalised.
    private double Accumulate(List<(int Doc, int Tf)> postings, double weight, double[] scores, bool gram = false)
    {
        var lengths = gram ? _gramLengths : _docLengths;
        var average = gram ? _averageGramLength : _averageLength;
        var n = Count;
        var idf = Math.Log(1 + (n - postings.Count + 0.5) / (postings.Count + 0.5));
        var k1 = _options.K1;
        var b = _options.B;
        foreach (var (doc, tf) in postings)
        {
            var norm = k1 * (1 - b + b * lengths[doc] / average);
            scores[doc] += weight * idf * tf * (k1 + 1) / (tf + norm);
        }
        return weight * idf * (k1 + 1);
    }

    private static bool IsGram(string term) => term.StartsWith("g:", StringComparison.Ordinal);

    private IEnumerable<string> TermsStartingWith(string prefix)
    {
        var index = Array.BinarySearch(_sortedTerms, prefix, StringComparer.Ordinal);
        var start = index >= 0 ? index + 1 : ~index;
        for (var i = start; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return _sortedTerms[i];
    }
}

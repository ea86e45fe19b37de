using System.Buffers;
using System.Collections.Frozen;

namespace AuroraBots.Nlu.Classification;

/// <summary>
/// One language's intent classifier: TF-IDF over lexical features, scored against each intent by a
/// blend of centroid similarity and nearest-example similarity, turned into 0..1 scores by a softmax
/// that is damped when the utterance resembles no training example at all (out-of-domain input). A logistic
/// regression over the same vectors (<see cref="SoftmaxRegression"/>) adds a share of "which words tell the intents
/// apart" to the scores (<see cref="IntentScoringOptions.DiscriminativeWeight"/>).
/// Immutable after training, so concurrent <see cref="Classify"/> calls are safe.
/// </summary>
internal sealed class IntentClassifier
{
    private readonly FeatureExtractor _features;
    private readonly FrozenDictionary<string, int> _vocabulary;
    private readonly double[] _idf;
    private readonly string[] _intentNames;     // ordinal order; the indices below use the same positions
    private readonly IntentScoringOptions _scoring;
    private readonly double _unseenIdf;
    private readonly SoftmaxRegression? _regression;
    private readonly InvertedIndex _examples;   // every intent's examples, intent by intent
    private readonly int[] _firstExample;       // intent i's examples: [_firstExample[i], _firstExample[i + 1])
    private readonly InvertedIndex _centroids;

    private IntentClassifier(
        FeatureExtractor features,
        FrozenDictionary<string, int> vocabulary,
        double[] idf,
        IntentModel[] intents,
        IntentScoringOptions scoring,
        SoftmaxRegression? regression)
    {
        _regression = regression;
        _features = features;
        _vocabulary = vocabulary;
        _idf = idf;
        // The vectors live only in the two indices: the models are not kept after construction.
        _intentNames = [.. intents.Select(i => i.Name)];
        _scoring = scoring;
        _unseenIdf = idf.Length == 0 ? 1.0 : idf.Max(); // a feature no example has is at least as rare as the rarest
        _firstExample = new int[intents.Length + 1];
        for (var i = 0; i < intents.Length; i++) _firstExample[i + 1] = _firstExample[i] + intents[i].Examples.Length;
        _examples = new InvertedIndex([.. intents.SelectMany(i => i.Examples)], idf.Length);
        _centroids = new InvertedIndex([.. intents.Select(i => i.Centroid)], idf.Length);
    }

    public static IntentClassifier Train(
        string language,
        IEnumerable<(string Intent, string Text)> examples,
        ClassifierFeatureOptions featureOptions,
        IntentScoringOptions scoring)
    {
        var features = new FeatureExtractor(featureOptions, StopWords.For(language));
        var documents = examples
            .Select(e => (e.Intent, Features: Aggregate(features.Extract(e.Text))))
            .Where(d => d.Features.Count > 0)
            .ToList();

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        foreach (var (_, featureWeights) in documents)
        {
            foreach (var feature in featureWeights.Keys)
            {
                if (!vocabulary.TryGetValue(feature, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[feature] = id;
                    documentFrequency.Add(0);
                }
                documentFrequency[id]++;
            }
        }

        // Smoothed IDF: rare features (an intent's own vocabulary) count more than shared ones.
        var idf = documentFrequency
            .Select(df => Math.Log((1.0 + documents.Count) / (1.0 + df)) + 1.0)
            .ToArray();
        var frozen = vocabulary.ToFrozenDictionary(StringComparer.Ordinal);

        var intents = documents
            .Select(d => (d.Intent, Vector: Vectorise(d.Features, frozen, idf)))
            .GroupBy(d => d.Intent, StringComparer.Ordinal)
            .Select(g =>
            {
                var vectors = g.Select(x => x.Vector).ToArray();
                return new IntentModel(g.Key, SparseVector.Centroid(vectors), vectors);
            })
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToArray();

        SoftmaxRegression? regression = null;
        if (scoring.DiscriminativeWeight > 0 && intents.Length > 1)
        {
            var classOf = intents.Select((intent, index) => (intent.Name, index)).ToDictionary(x => x.Name, x => x.index, StringComparer.Ordinal);
            var labelled = documents.Select(d => (classOf[d.Intent], Vectorise(d.Features, frozen, idf))).ToList();
            regression = SoftmaxRegression.Train(labelled, intents.Length, frozen.Count);
        }
        return new IntentClassifier(features, frozen, idf, intents, scoring, regression);
    }

    /// <summary>Scores every intent; best first. Also returns the raw best similarity (for diagnostics).</summary>
    public (IReadOnlyList<IntentScore> Scores, double BestSimilarity) Classify(string text)
    {
        if (_intentNames.Length == 0)
        {
            return ([], 0);
        }
        var query = VectoriseQuery(Aggregate(_features.Extract(text)));
        if (query.IsEmpty)
        {
            return (_intentNames.Select(name => new IntentScore(name, 0)).ToArray(), 0);
        }

        // Only the postings of the query's own features are read (InvertedIndex): the cost follows the message,
        // not the number of training examples.
        var exampleDots = ArrayPool<double>.Shared.Rent(_examples.Count);
        Span<double> centroidDots = stackalloc double[_intentNames.Length];
        var similarities = new double[_intentNames.Length];
        var bestNeighbour = 0.0;
        try
        {
            _examples.DotAll(query, exampleDots);
            _centroids.DotAll(query, centroidDots);
            for (var i = 0; i < _intentNames.Length; i++)
            {
                var nearest = 0.0;
                for (var e = _firstExample[i]; e < _firstExample[i + 1]; e++)
                {
                    nearest = Math.Max(nearest, exampleDots[e]);
                }
                bestNeighbour = Math.Max(bestNeighbour, nearest);
                similarities[i] = _scoring.CentroidWeight * centroidDots[i] + (1 - _scoring.CentroidWeight) * nearest;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(exampleDots);
        }

        var max = similarities.Max();
        var exp = similarities.Select(s => Math.Exp((s - max) / _scoring.Temperature)).ToArray();
        var total = exp.Sum();
        var inDomain = InDomainFactor(bestNeighbour) * (_features.HasContentWords(text) ? 1.0 : _scoring.FunctionWordsOnlyFactor);

        Span<double> regression = stackalloc double[_intentNames.Length];
        _regression?.Predict(query, regression);
        var share = _regression is null ? 0 : _scoring.DiscriminativeWeight;

        var scores = new IntentScore[_intentNames.Length];
        for (var i = 0; i < _intentNames.Length; i++)
        {
            var blended = (1 - share) * exp[i] / total + share * regression[i];
            scores[i] = new IntentScore(_intentNames[i], Math.Round(blended * inDomain, 4));
        }
        Array.Sort(scores, (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0
            ? c
            : string.CompareOrdinal(a.Intent, b.Intent));
        return (scores, bestNeighbour);
    }

    // Ramps from 0 (nothing like any example) to 1 (clearly like one): gibberish cannot score high.
    private double InDomainFactor(double bestNeighbour)
    {
        var (low, high) = (_scoring.OutOfDomainSimilarity, _scoring.InDomainSimilarity);
        if (bestNeighbour <= low)
        {
            return 0;
        }
        if (bestNeighbour >= high)
        {
            return 1;
        }
        var x = (bestNeighbour - low) / (high - low);
        return x * x * (3 - 2 * x);
    }

    private static Dictionary<string, double> Aggregate(IEnumerable<(string Feature, double Weight)> features)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, weight) in features)
        {
            counts[feature] = counts.GetValueOrDefault(feature) + weight;
        }
        return counts;
    }

    /// <summary>
    /// Like training vectors, but normalised over ALL the utterance's features, unknown ones included (at the
    /// IDF of a never-seen feature): a message that is mostly words no example uses cannot look like an example
    /// just because its one familiar word does.
    /// </summary>
    private SparseVector VectoriseQuery(Dictionary<string, double> counts)
    {
        var unseenIdf = _unseenIdf;
        var weights = new Dictionary<int, double>(counts.Count);
        var norm = 0.0;
        foreach (var (feature, count) in counts)
        {
            var known = _vocabulary.TryGetValue(feature, out var id);
            var weight = (1 + Math.Log(count)) * (known ? _idf[id] : unseenIdf);
            norm += weight * weight;
            if (known)
            {
                weights[id] = weight;
            }
        }
        if (weights.Count == 0)
        {
            return SparseVector.Empty;
        }
        var vector = SparseVector.FromWeights(weights);
        var knownNorm = Math.Sqrt(weights.Values.Sum(w => w * w));
        var scale = knownNorm / Math.Sqrt(norm);
        for (var i = 0; i < vector.Values.Length; i++)
        {
            vector.Values[i] *= scale;
        }
        return vector;
    }

    private static SparseVector Vectorise(
        Dictionary<string, double> counts,
        FrozenDictionary<string, int> vocabulary,
        double[] idf)
    {
        var weights = new Dictionary<int, double>(counts.Count);
        foreach (var (feature, count) in counts)
        {
            if (vocabulary.TryGetValue(feature, out var id))
            {
                // Sublinear term frequency: a repeated n-gram is evidence, not proof.
                weights[id] = (1 + Math.Log(count)) * idf[id];
            }
        }
        return SparseVector.FromWeights(weights);
    }

    private sealed record IntentModel(string Name, SparseVector Centroid, SparseVector[] Examples);
}

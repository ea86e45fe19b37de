namespace AuroraBots.Nlu.Classification;

/// <summary>
/// Sparse vectors stored by feature (compressed columns): for each feature id, which vectors have it and with what
/// weight. Scoring a query then touches only the postings of the query's own features, instead of every feature of
/// every training example — the classifier's cost grows with what the message says, not with how many examples
/// the intents have. The sums equal, bit for bit, a dot product over a dense query (which the classifier did before):
/// both add the shared features' products in ascending feature order, and the features a query lacks add only zeros.
/// </summary>
internal sealed class InvertedIndex
{
    private readonly int[] _offsets;   // postings of feature f: [_offsets[f], _offsets[f + 1])
    private readonly int[] _vectors;   // which vector
    private readonly double[] _weights;

    public InvertedIndex(IReadOnlyList<SparseVector> vectors, int featureCount)
    {
        Count = vectors.Count;
        _offsets = new int[featureCount + 1];
        foreach (var vector in vectors)
            foreach (var feature in vector.Indices) _offsets[feature + 1]++;
        for (var f = 0; f < featureCount; f++) _offsets[f + 1] += _offsets[f];

        _vectors = new int[_offsets[featureCount]];
        _weights = new double[_vectors.Length];
        var next = _offsets[..^1];
        for (var v = 0; v < vectors.Count; v++)
        {
            var vector = vectors[v];
            for (var i = 0; i < vector.Indices.Length; i++)
            {
                var at = next[vector.Indices[i]]++;
                _vectors[at] = v;
                _weights[at] = vector.Values[i];
            }
        }
    }

    /// <summary>How many vectors the index holds (the length <see cref="DotAll"/> fills).</summary>
    public int Count { get; }

    /// <summary>Every stored vector's dot product with <paramref name="query"/> (feature ids ascending), into <paramref name="dots"/>.</summary>
    public void DotAll(SparseVector query, Span<double> dots)
    {
        dots[..Count].Clear();
        for (var q = 0; q < query.Indices.Length; q++)
        {
            var feature = query.Indices[q];
            var weight = query.Values[q];
            for (var p = _offsets[feature]; p < _offsets[feature + 1]; p++)
                dots[_vectors[p]] += _weights[p] * weight;
        }
    }
}

namespace AuroraBots.Nlu.Classification;

/// <summary>An L2-normalised sparse vector: feature ids ascending, with their weights.</summary>
internal sealed class SparseVector(int[] indices, double[] values)
{
    public static readonly SparseVector Empty = new([], []);

    public int[] Indices { get; } = indices;
    public double[] Values { get; } = values;
    public bool IsEmpty => Indices.Length == 0;

    public static SparseVector FromWeights(Dictionary<int, double> weights)
    {
        if (weights.Count == 0)
        {
            return Empty;
        }
        var indices = weights.Keys.ToArray();
        Array.Sort(indices);
        var values = new double[indices.Length];
        var norm = 0.0;
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = weights[indices[i]];
            norm += values[i] * values[i];
        }
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] /= norm;
            }
        }
        return new SparseVector(indices, values);
    }

    /// <summary>Normalised sum of several vectors: the intent centroid.</summary>
    public static SparseVector Centroid(IEnumerable<SparseVector> vectors)
    {
        var sum = new Dictionary<int, double>();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Indices.Length; i++)
            {
                sum[vector.Indices[i]] = sum.GetValueOrDefault(vector.Indices[i]) + vector.Values[i];
            }
        }
        return FromWeights(sum);
    }
}

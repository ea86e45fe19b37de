using AuroraBots.Nlu.Classification;

namespace AuroraBots.Nlu.Tests;

/// <summary>
/// The classifier's example index: the dot products it gives must be exactly those of the plain computation (a dense
/// query against every stored vector), or routing would change with the data structure.
/// </summary>
public class InvertedIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Dot_products_equal_the_dense_computation_bit_for_bit(int seed)
    {
        var random = new Random(seed);
        var features = random.Next(1, 400);
        var vectors = Enumerable.Range(0, random.Next(0, 300)).Select(_ => RandomVector(random, features)).ToList();
        var index = new InvertedIndex(vectors, features);

        for (var round = 0; round < 20; round++)
        {
            var query = RandomVector(random, features);
            var dots = new double[vectors.Count + 3];
            Array.Fill(dots, 42.0); // leftovers of an earlier query (a pooled array) must not count
            index.DotAll(query, dots);

            var dense = new double[features];
            for (var i = 0; i < query.Indices.Length; i++) dense[query.Indices[i]] = query.Values[i];
            for (var v = 0; v < vectors.Count; v++)
            {
                double expected = 0;
                for (var i = 0; i < vectors[v].Indices.Length; i++) expected += vectors[v].Values[i] * dense[vectors[v].Indices[i]];
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(dots[v]));
            }
        }
    }

    [Fact]
    public void A_query_sharing_no_feature_scores_zero_everywhere()
    {
        var index = new InvertedIndex([Vector((0, 1)), Vector((1, 2), (2, 1))], 4);
        var dots = new double[2];
        index.DotAll(Vector((3, 1)), dots);
        Assert.Equal([0.0, 0.0], dots);
    }

    private static SparseVector RandomVector(Random random, int features)
    {
        var weights = new Dictionary<int, double>();
        for (var n = random.Next(0, Math.Min(features, 30) + 1); n > 0; n--) weights[random.Next(features)] = random.NextDouble() * 3;
        return SparseVector.FromWeights(weights);
    }

    private static SparseVector Vector(params (int Feature, double Weight)[] weights) =>
        SparseVector.FromWeights(weights.ToDictionary(w => w.Feature, w => w.Weight));
}

using AuroraBots.Nlu.Classification;

namespace AuroraBots.Nlu.Tests;

/// <summary>The discriminative half of the intent scores: words that tell intents apart outweigh shared ones.</summary>
public class SoftmaxRegressionTests
{
    // Feature 0 is an everyday word every intent uses ("apua"); 1 and 2 are a job word and a flat word.
    private const int Shared = 0, Job = 1, Flat = 2, Features = 3;
    private const int Help = 0, Work = 1, Housing = 2, Classes = 3;

    private static SparseVector Vector(params (int Feature, double Weight)[] weights) =>
        SparseVector.FromWeights(weights.ToDictionary(w => w.Feature, w => w.Weight));

    private static SoftmaxRegression Train()
    {
        var examples = new List<(int, SparseVector)> { (Help, Vector((Shared, 1))) };
        for (var i = 0; i < 5; i++)
        {
            examples.Add((Work, Vector((Shared, 0.5), (Job, 1))));
            examples.Add((Housing, Vector((Shared, 0.5), (Flat, 1))));
        }
        return SoftmaxRegression.Train(examples, Classes, Features);
    }

    private static double[] Predict(SoftmaxRegression model, SparseVector query)
    {
        var probabilities = new double[Classes];
        model.Predict(query, probabilities);
        return probabilities;
    }

    [Fact]
    public void The_distinguishing_word_decides_not_the_shared_one()
    {
        // "tarvitsen apua työnhakuun": as much of the shared word as of the job word — work, not help.
        var p = Predict(Train(), Vector((Shared, 1), (Job, 1)));
        Assert.True(p[Work] > p[Help] && p[Work] > p[Housing], $"help {p[Help]:0.00}, work {p[Work]:0.00}, housing {p[Housing]:0.00}");
    }

    [Fact]
    public void The_shared_word_alone_is_the_intent_that_has_nothing_else()
    {
        var p = Predict(Train(), Vector((Shared, 1)));
        Assert.Equal(Help, Array.IndexOf(p, p.Max()));
    }

    [Fact]
    public void Probabilities_sum_to_one_and_training_is_deterministic()
    {
        var query = Vector((Shared, 0.3), (Flat, 0.9));
        var first = Predict(Train(), query);
        Assert.Equal(1.0, first.Sum(), 6);
        Assert.Equal(first, Predict(Train(), query));
        Assert.Equal(Housing, Array.IndexOf(first, first.Max()));
    }
}

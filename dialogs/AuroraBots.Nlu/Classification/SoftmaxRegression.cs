namespace AuroraBots.Nlu.Classification;

/// <summary>
/// A multinomial logistic regression over the classifier's TF-IDF vectors, trained by a few epochs of SGD. The
/// similarity scores ask "which examples does this message look like?"; this model asks "which words tell the
/// intents apart?" — so one shared everyday word ("apua", "help", "på svenska") weighs what it discriminates, not
/// what it happens to share with a short example. Deterministic (fixed shuffling seed), immutable after training.
/// </summary>
internal sealed class SoftmaxRegression
{
    private const int Epochs = 12;
    private const double LearningRate = 0.5;
    private const double Decay = 1e-4; // L2 shrink per step: keeps one rare n-gram from deciding alone

    private readonly float[] _weights; // [feature * classes + class]
    private readonly double[] _bias;
    private readonly int _classes;

    private SoftmaxRegression(float[] weights, double[] bias, int classes) => (_weights, _bias, _classes) = (weights, bias, classes);

    public static SoftmaxRegression Train(IReadOnlyList<(int Class, SparseVector Vector)> examples, int classes, int features)
    {
        var weights = new float[features * classes];
        var bias = new double[classes];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(12);
        var probabilities = new double[classes];
        var scale = 1.0; // weight decay as one running factor instead of touching every weight each step
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + epoch * 0.5);
            foreach (var index in order)
            {
                var (target, x) = examples[index];
                Logits(weights, bias, classes, x, scale, probabilities);
                SoftmaxInPlace(probabilities);
                scale *= 1 - rate * Decay;
                for (var k = 0; k < classes; k++)
                {
                    var gradient = probabilities[k] - (k == target ? 1 : 0);
                    bias[k] -= rate * gradient;
                    var step = (float)(rate * gradient / scale);
                    for (var i = 0; i < x.Indices.Length; i++)
                    {
                        weights[x.Indices[i] * classes + k] -= step * (float)x.Values[i];
                    }
                }
            }
        }
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= (float)scale;
        }
        return new SoftmaxRegression(weights, bias, classes);
    }

    /// <summary>Class probabilities for a query vector, written into <paramref name="probabilities"/>.</summary>
    public void Predict(SparseVector x, Span<double> probabilities)
    {
        Logits(_weights, _bias, _classes, x, 1.0, probabilities);
        SoftmaxInPlace(probabilities);
    }

    private static void Logits(float[] weights, double[] bias, int classes, SparseVector x, double scale, Span<double> logits)
    {
        bias.CopyTo(logits);
        for (var i = 0; i < x.Indices.Length; i++)
        {
            var row = x.Indices[i] * classes;
            var value = x.Values[i] * scale;
            for (var k = 0; k < classes; k++)
            {
                logits[k] += weights[row + k] * value;
            }
        }
    }

    private static void SoftmaxInPlace(Span<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }
        var total = 0.0;
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = Math.Exp(values[k] - max);
            total += values[k];
        }
        for (var k = 0; k < values.Length; k++)
        {
            values[k] /= total;
        }
    }
}

namespace AuroraBots.Nlu.Classification;

/// <summary>How similarities become 0..1 intent scores (see docs/nlu.md, "Scores and thresholds").</summary>
public sealed record IntentScoringOptions
{
    /// <summary>Share of the centroid similarity in an intent's similarity; the rest is the nearest example's.</summary>
    public double CentroidWeight { get; init; } = 0.5;

    /// <summary>Softmax temperature over similarities: lower is more decisive.</summary>
    public double Temperature { get; init; } = 0.05;

    /// <summary>
    /// Share of the logistic-regression probability (<see cref="SoftmaxRegression"/>) in an intent's score; the rest is
    /// the similarity softmax. 0 turns the regression off (and skips its training). 0.2 was best on the development
    /// sets (docs/nlu.md, "Front-desk routing"): more makes the scores flatter, so fewer messages are acted on at once.
    /// </summary>
    public double DiscriminativeWeight { get; init; } = 0.2;

    /// <summary>Nearest-example cosine at or below which the utterance is treated as out of domain (scores 0).</summary>
    public double OutOfDomainSimilarity { get; init; } = 0.10;

    /// <summary>Nearest-example cosine from which the softmax is trusted in full.</summary>
    public double InDomainSimilarity { get; init; } = 0.35;

    /// <summary>Factor on every score when the utterance has only function words and digits ("ei", "no", "17").</summary>
    public double FunctionWordsOnlyFactor { get; init; } = 0.2;
}

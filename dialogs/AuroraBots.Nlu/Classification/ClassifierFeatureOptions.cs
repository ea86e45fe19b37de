namespace AuroraBots.Nlu.Classification;

/// <summary>Which lexical features the intent classifier uses, and how much whole words weigh.</summary>
public sealed record ClassifierFeatureOptions
{
    /// <summary>Lengths of the character n-grams taken from each padded word.</summary>
    public IReadOnlyList<int> CharNGramLengths { get; init; } = [3, 4];

    /// <summary>Weight of a whole-word feature relative to one character n-gram.</summary>
    public double WordWeight { get; init; } = 1.0;

    /// <summary>Length of the word-prefix "stem" feature; 0 turns it off.</summary>
    public int PrefixLength { get; init; } = 4;

    public double PrefixWeight { get; init; } = 1.0;
}

namespace AuroraBots.Nlu.Language;

/// <summary>
/// The detector's verdict for one utterance: the likeliest language, how sure it is (0..1), and the
/// confidence for each of fi, sv and en (they sum to at most 1; less when the utterance holds little evidence).
/// </summary>
public sealed record LanguageDetection(string Language, double Confidence, IReadOnlyDictionary<string, double> Scores)
{
    public double ConfidenceFor(string language) => Scores.GetValueOrDefault(language);
}

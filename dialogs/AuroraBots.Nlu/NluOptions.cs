using AuroraBots.Nlu.Classification;

namespace AuroraBots.Nlu;

/// <summary>Tuning of <see cref="NluEngine"/>; the defaults are the measured ones in docs/nlu.md.</summary>
public sealed record NluOptions
{
    /// <summary>
    /// Suggested top-intent score below which a dialog should ask a clarifying question instead of acting.
    /// The engine itself never drops intents; this is the documented meaning of "confident".
    /// </summary>
    public double IntentThreshold { get; init; } = 0.5;

    /// <summary>Language-detection confidence needed to leave the conversation's language for this turn.</summary>
    public double LanguageSwitchConfidence { get; init; } = 0.55;

    /// <summary>Language used when neither the detector nor the conversation gives one.</summary>
    public string DefaultLanguage { get; init; } = "fi";

    /// <summary>Whether the intent examples also train the language detector (they are in-domain text).</summary>
    public bool TrainLanguageDetectorOnExamples { get; init; } = true;

    /// <summary>Longer messages are analysed on their first this many characters (entity positions stay valid).</summary>
    public int MaxAnalysedLength { get; init; } = 2000;

    /// <summary>
    /// Analyses of this many recent short messages are kept and reused (0: none). Short answers repeat across users
    /// (buttons, yes/no, numbers); see <see cref="AnalysisCache"/>.
    /// </summary>
    public int AnalysisCacheSize { get; init; } = 4096;

    /// <summary>Only messages up to this many characters are cached: long free text rarely repeats.</summary>
    public int AnalysisCacheMaxLength { get; init; } = 64;

    /// <summary>The intent that asks to change the conversation's language (see <see cref="NluResult.WithoutLanguageRequest"/>).</summary>
    public string LanguageRequestIntent { get; init; } = "switch_language";

    public ClassifierFeatureOptions Features { get; init; } = new();

    public IntentScoringOptions Scoring { get; init; } = new();
}

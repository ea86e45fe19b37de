using System.Collections.Frozen;
using AuroraBots.Nlu.Classification;
using AuroraBots.Nlu.Entities;
using AuroraBots.Nlu.Language;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu;

/// <summary>
/// The NLU of one bot: per-turn language detection, one intent classifier per language trained from the
/// bot's examples (in milliseconds, at load), and entity recognition. Immutable after <see cref="Train"/>;
/// <see cref="Analyse"/> is safe to call from many turns at once.
/// </summary>
public sealed class NluEngine
{
    private readonly FrozenDictionary<string, IntentClassifier> _classifiers;
    private readonly LanguageDetector _detector;
    private readonly AnalysisCache _cache;
    private readonly LanguageRequestMask _languageRequest;
    private readonly Func<string, string?, NluResult> _analyseUncached;

    private NluEngine(FrozenDictionary<string, IntentClassifier> classifiers, LanguageDetector detector, LanguageRequestMask languageRequest, NluOptions options)
    {
        _classifiers = classifiers;
        _languageRequest = languageRequest;
        _detector = detector;
        Options = options;
        _cache = new AnalysisCache(options.AnalysisCacheSize, options.AnalysisCacheMaxLength);
        _analyseUncached = AnalyseUncached;
    }

    public NluOptions Options { get; }

    /// <summary>Languages that have at least one intent example.</summary>
    public IReadOnlyCollection<string> Languages => _classifiers.Keys;

    public LanguageDetector LanguageDetector => _detector;

    /// <summary>Trains one classifier per language (fi, sv, en) from the examples; others are rejected.</summary>
    /// <exception cref="ArgumentException">An example has an unsupported language, an empty intent or empty text.</exception>
    public static NluEngine Train(IEnumerable<IntentExample> examples, NluOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new NluOptions();
        var list = examples.ToList();
        foreach (var example in list)
        {
            if (!LanguageCodes.IsSupported(example.Language))
            {
                throw new ArgumentException(
                    $"Intent example '{example.Text}' of '{example.Intent}' has language '{example.Language}'; use fi, sv or en.",
                    nameof(examples));
            }
            if (string.IsNullOrWhiteSpace(example.Intent) || string.IsNullOrWhiteSpace(example.Text))
            {
                throw new ArgumentException($"Intent example '{example.Intent}': '{example.Text}' has an empty intent or text.", nameof(examples));
            }
        }

        var classifiers = list
            .GroupBy(e => LanguageCodes.Normalise(e.Language), StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => IntentClassifier.Train(g.Key, g.Select(e => (e.Intent, e.Text)), options.Features, options.Scoring),
                StringComparer.Ordinal);
        var detector = options.TrainLanguageDetectorOnExamples
            ? new LanguageDetector(list.Select(e => (LanguageCodes.Normalise(e.Language), e.Text)))
            : LanguageDetector.Default;
        var languageRequest = new LanguageRequestMask(list
            .Where(e => e.Intent == options.LanguageRequestIntent)
            .Select(e => (LanguageCodes.Normalise(e.Language), e.Text)));
        return new NluEngine(classifiers, detector, languageRequest, options);
    }

    /// <summary>
    /// Analyses one user utterance. The language is the detected one when the detector is confident
    /// (<see cref="NluOptions.LanguageSwitchConfidence"/>); otherwise the conversation's language is kept.
    /// A short message analysed recently is answered from <see cref="AnalysisCache"/> (same text, same result).
    /// </summary>
    public NluResult Analyse(string text, string? conversationLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _cache.GetOrAdd(text, conversationLanguage, _analyseUncached);
    }

    private NluResult AnalyseUncached(string text, string? conversationLanguage)
    {
        if (text.Length > Options.MaxAnalysedLength)
        {
            // A chat turn is short; a pasted document must not cost the host seconds of CPU.
            text = text[..Options.MaxAnalysedLength];
        }
        var detection = _detector.Detect(text);
        var language = ChooseLanguage(detection, conversationLanguage);
        var intents = _classifiers.TryGetValue(language, out var classifier)
            ? classifier.Classify(text).Scores
            : [];
        if (YesNoRecognizer.IsDontKnow(Tokenizer.Tokenize(text), language))
        {
            // "en tiedä" / "vet inte" answers a question; it is not "what do you know about me".
            intents = [.. intents.Select(i => i with { Score = Math.Round(i.Score * Options.Scoring.FunctionWordsOnlyFactor, 4) })];
        }
        var entities = EntityRecognizer.Recognize(text, language);
        return new NluResult(language, detection.ConfidenceFor(language), intents, entities, WithoutLanguageRequest(text, language, intents, classifier));
    }

    // Only for the few messages the language request wins: one more classification of what the request's words leave.
    private IReadOnlyList<IntentScore>? WithoutLanguageRequest(string text, string language, IReadOnlyList<IntentScore> intents, IntentClassifier? classifier)
    {
        if (classifier is null || intents.Count == 0 || intents[0].Intent != Options.LanguageRequestIntent)
        {
            return null;
        }
        return _languageRequest.Rest(text, language) is { } rest ? classifier.Classify(rest).Scores : null;
    }

    /// <summary>True when the top intent reaches <see cref="NluOptions.IntentThreshold"/>.</summary>
    public bool IsConfident(NluResult result) => result.TopIntent is { } top && top.Score >= Options.IntentThreshold;

    private string ChooseLanguage(LanguageDetection detection, string? conversationLanguage)
    {
        if (detection.Confidence >= Options.LanguageSwitchConfidence)
        {
            return detection.Language;
        }
        if (LanguageCodes.IsSupported(conversationLanguage))
        {
            return LanguageCodes.Normalise(conversationLanguage);
        }
        // No conversation language yet: a weak guess still beats the default when there is some evidence.
        return detection.Confidence > 0 ? detection.Language : LanguageCodes.Normalise(Options.DefaultLanguage);
    }
}

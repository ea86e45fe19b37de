using AuroraBots.Nlu;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace AuroraBots.Cli.Nlu;

/// <summary>
/// The ML.NET reference the eval command measures our classifier against: per language, lower-cased,
/// diacritic-free char-trigram + word-unigram features (L2) into SDCA maximum entropy — the best
/// ML.NET configuration in the toolchain notes.
/// </summary>
internal sealed class MlNetIntentClassifier
{
    private readonly Dictionary<string, PredictionEngine<Utterance, Prediction>> _engines;

    private MlNetIntentClassifier(Dictionary<string, PredictionEngine<Utterance, Prediction>> engines) => _engines = engines;

    public static MlNetIntentClassifier Train(IEnumerable<IntentExample> examples)
    {
        var engines = new Dictionary<string, PredictionEngine<Utterance, Prediction>>(StringComparer.Ordinal);
        foreach (var language in examples.GroupBy(e => e.Language, StringComparer.Ordinal))
        {
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(language.Select(e => new Utterance { Text = e.Text, Label = e.Intent }).ToList());
            var featurizer = new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            };
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
                .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Utterance.Text)))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            var model = pipeline.Fit(data);
            engines[language.Key] = ml.Model.CreatePredictionEngine<Utterance, Prediction>(model);
        }
        return new MlNetIntentClassifier(engines);
    }

    /// <summary>The predicted intent (PredictionEngine is not thread-safe: the eval runs single-threaded).</summary>
    public string? Predict(string text, string language) =>
        _engines.TryGetValue(language, out var engine) ? engine.Predict(new Utterance { Text = text }).PredictedLabel : null;

    private sealed class Utterance
    {
        public string Text { get; set; } = string.Empty;
        public string Label { get; set; } = string.Empty;
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public string PredictedLabel { get; set; } = string.Empty;
    }
}

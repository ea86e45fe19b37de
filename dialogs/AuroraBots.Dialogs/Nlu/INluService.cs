using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Nlu;

/// <summary>Trains a per-bot NLU model from the manifests' examples (the engine's view of dialogs/AuroraBots.Nlu).</summary>
public interface INluService
{
    INluModel Train(IReadOnlyList<IntentExample> examples);
}

/// <summary>A trained model: language, intents (best first) and entities of one utterance.</summary>
public interface INluModel
{
    NluResult Analyse(string text, string? conversationLanguage);
}

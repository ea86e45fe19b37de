using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Nlu;

/// <summary>The platform NLU (dialogs/AuroraBots.Nlu): one <see cref="NluEngine"/> per bot, trained at load.</summary>
public sealed class NluEngineService(NluOptions? options = null) : INluService
{
    public INluModel Train(IReadOnlyList<IntentExample> examples) => new Model(NluEngine.Train(examples, options));

    private sealed class Model(NluEngine engine) : INluModel
    {
        public NluResult Analyse(string text, string? conversationLanguage) => engine.Analyse(text, conversationLanguage);
    }
}

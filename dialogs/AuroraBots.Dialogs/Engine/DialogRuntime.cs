using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Nlu;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Valid content plus what is derived from it at load: one trained NLU model per bot (its intents + the shared ones).</summary>
public sealed class DialogRuntime
{
    private readonly Dictionary<string, INluModel> _models;

    public DialogRuntime(DialogContent content, INluService nlu)
    {
        Content = content;
        var shared = Examples(content.Shared.Intents, content.Shared.Manifest.Intents.Keys).ToList();
        _models = content.Bots.Values.ToDictionary(
            b => b.Id,
            b => nlu.Train([.. shared, .. Examples(b.Intents, b.Manifest.Intents.Keys)]));
    }

    public DialogContent Content { get; }

    public INluModel ModelFor(string botId) => _models[botId];

    /// <summary>The route of an intent for a bot: its own intents, then the shared ones.</summary>
    public (IntentRoute Route, bool Shared)? Route(string botId, string intent)
    {
        if (Content.Bots.TryGetValue(botId, out var bot) && bot.Manifest.Intents.TryGetValue(intent, out var own)) return (own, false);
        return Content.Shared.Manifest.Intents.TryGetValue(intent, out var shared) ? (shared, true) : null;
    }

    private static IEnumerable<IntentExample> Examples(IntentsDocument document, IEnumerable<string> routed)
    {
        var wanted = routed.ToHashSet();
        foreach (var (intent, languages) in document.Intents)
        {
            if (!wanted.Contains(intent)) continue;
            foreach (var (language, texts) in languages)
                foreach (var text in texts)
                    yield return new IntentExample(intent, language, text);
        }
    }
}

namespace AuroraBots.Nlu.Routing;

/// <summary>When a message is acted on, clarified or treated as out of scope (see docs/nlu.md, "Routing").</summary>
public sealed record RoutingOptions
{
    /// <summary>Minimum top-intent score to act without asking.</summary>
    public double IntentThreshold { get; init; } = 0.5;

    /// <summary>Below <see cref="IntentThreshold"/> but above this, the intent is a candidate for a clarifying question.</summary>
    public double ClarifyThreshold { get; init; } = 0.25;

    /// <summary>
    /// A clarifying question needs two genuinely close candidates: the runner-up must score at least this share of
    /// the top one. Otherwise the lone plausible candidate is acted on ("did you mean X?" would only delay the user).
    /// </summary>
    public double ClarifyCloseness { get; init; } = 0.6;

    /// <summary>
    /// Generic intents ("help", "talk to a person", "what do you know about me") whose examples share everyday words
    /// with real matters ("tarvitsen apua työnhakuun"): when one of them wins but one of the bot's own matters scores at
    /// least <see cref="MatterEvidence"/>, the matter is what the user meant. They are never offered in a clarifying question.
    /// </summary>
    public IReadOnlySet<string> GenericIntents { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "help", "human", "what_do_you_know" };

    /// <summary>Score a bot's own matter needs to win over a generic intent.</summary>
    public double MatterEvidence { get; init; } = 0.1;

    /// <summary>
    /// Conversation commands and small talk ("kiitos", "takaisin", "lopeta", "hei") whose short examples share words
    /// with matters ("koulutus jäi kesken ja haluan jatkaa" is not "cancel", "good afternoon" not "afternoon club"):
    /// when one of them wins but one of the bot's own matters scores at least <see cref="CommandMatterEvidence"/>,
    /// the matter wins. A language request counts as a command: "i am looking for work, i speak english" is a job matter,
    /// and the language is detected on every turn anyway. Consent and data commands are not in the set: those are never
    /// overridden.
    /// </summary>
    public IReadOnlySet<string> CommandIntents { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "greeting", "thanks", "goodbye", "cancel", "back", "restart", "feedback", "switch_language" };

    /// <summary>Score a bot's own matter needs to win over a command intent (tuned on tests/eval/routing/dev*.yaml).</summary>
    public double CommandMatterEvidence { get; init; } = 0.1;

    /// <summary>The intent name of the calibrated out-of-scope class in the training data.</summary>
    public string OutOfScopeIntent { get; init; } = "out_of_scope";
}

namespace AuroraBots.Nlu.Routing;

/// <summary>What a bot does with a message when no prompt is waiting for it.</summary>
public enum RouteKind
{
    /// <summary>Start the intent's flow at once.</summary>
    Act,

    /// <summary>Ask "did you mean A or B?" — two intents are genuinely close.</summary>
    Clarify,

    /// <summary>Recognised small talk, jokes, insults: a friendly "not something I can help with" + what the bot can do.</summary>
    OutOfScope,

    /// <summary>Nothing plausible (gibberish, an unknown matter): "I did not understand" + what the bot can do.</summary>
    NotUnderstood,
}

/// <summary>The routing decision; <see cref="Intents"/> holds one intent (Act) or the candidates (Clarify).</summary>
public sealed record RouteDecision(RouteKind Kind, IReadOnlyList<string> Intents)
{
    public static readonly RouteDecision OutOfScope = new(RouteKind.OutOfScope, []);
    public static readonly RouteDecision NotUnderstood = new(RouteKind.NotUnderstood, []);

    public string? Intent => Kind == RouteKind.Act ? Intents[0] : null;
}

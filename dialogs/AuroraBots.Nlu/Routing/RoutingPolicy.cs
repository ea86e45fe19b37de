namespace AuroraBots.Nlu.Routing;

/// <summary>
/// Turns intent scores into a routing decision. One place for the rule, so the dialog engine and
/// <c>aurorabots eval</c> measure and do the same thing.
/// </summary>
public static class RoutingPolicy
{
    /// <param name="scores">Scores of the intents the bot can act on (plus the out-of-scope class), best first.</param>
    /// <param name="matters">The bot's own intents (its matters, e.g. the front desk's domains); the others are global.</param>
    /// <param name="withoutLanguageRequest">
    /// <see cref="NluResult.WithoutLanguageRequest"/>: the scores of what a language request leaves without its words.
    /// </param>
    public static RouteDecision Decide(IReadOnlyList<IntentScore> scores, IReadOnlySet<string> matters, RoutingOptions options,
        IReadOnlyList<IntentScore>? withoutLanguageRequest = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(options);
        if (withoutLanguageRequest is not null
            && Decide(withoutLanguageRequest, matters, options) is { Kind: RouteKind.Act, Intent: { } rest } && matters.Contains(rest))
        {
            // "day care in english", "finns det jobb på svenska": the language name wins the language request, but what is
            // left, routed as a message of its own, is a matter. A request to change the language leaves nothing of a
            // matter ("in English", "kan vi prata svenska"); the answer's language follows the message's anyway.
            return new RouteDecision(RouteKind.Act, [rest]);
        }
        if (scores.Count == 0)
        {
            return RouteDecision.NotUnderstood;
        }
        if (scores[0].Intent == options.OutOfScopeIntent)
        {
            return RouteDecision.OutOfScope;
        }
        var top = scores[0];
        if (scores.FirstOrDefault(s => matters.Contains(s.Intent)) is { } matter && matter.Intent != top.Intent
            && ((options.GenericIntents.Contains(top.Intent) && matter.Score >= options.MatterEvidence)
                || (options.CommandIntents.Contains(top.Intent) && matter.Score >= options.CommandMatterEvidence)))
        {
            // "tarvitsen apua työnhakuun", "opinnot jäi kesken, haluan jatkaa": the matter is in the message; "help"
            // or "cancel" only matched its everyday words.
            return new RouteDecision(RouteKind.Act, [matter.Intent]);
        }
        if (top.Score >= options.IntentThreshold)
        {
            return new RouteDecision(RouteKind.Act, [top.Intent]);
        }
        var candidates = scores
            .Where(s => s.Score >= options.ClarifyThreshold && s.Intent != options.OutOfScopeIntent && !options.GenericIntents.Contains(s.Intent))
            .Take(2)
            .ToList();
        if (candidates.Count == 0)
        {
            return RouteDecision.NotUnderstood;
        }
        if (candidates.Count == 1 || candidates[1].Score < candidates[0].Score * options.ClarifyCloseness)
        {
            return new RouteDecision(RouteKind.Act, [candidates[0].Intent]);
        }
        if (matters.Contains(candidates[0].Intent) != matters.Contains(candidates[1].Intent))
        {
            // A matter next to a command ("opettajat ei tee kiusaamiselle mitään": youth or forget_me?): a question
            // offering "Unohda minut" would puzzle the user; the matter is what they came for.
            return new RouteDecision(RouteKind.Act, [candidates.First(c => matters.Contains(c.Intent)).Intent]);
        }
        return new RouteDecision(RouteKind.Clarify, [.. candidates.Select(c => c.Intent)]);
    }
}

namespace AuroraBots.Nlu;

/// <summary>One training or test utterance for an intent, in one language (fi, sv or en).</summary>
public sealed record IntentExample(string Intent, string Language, string Text);

/// <summary>An intent with the classifier's confidence (0..1), best first in <see cref="NluResult.Intents"/>.</summary>
public sealed record IntentScore(string Intent, double Score);

/// <summary>
/// A recognised entity. <see cref="Type"/> is one of <see cref="EntityTypes"/>; <see cref="Value"/> is
/// canonical: a municipality code ("837"), an age ("17"), a number ("7"), or "yes"/"no". <see cref="Role"/> says
/// what a municipality is to the user (<see cref="EntityRoles"/>: where they live, move from or move to); null when
/// the message does not say.
/// </summary>
public sealed record EntityMatch(string Type, string Value, int Start, int Length, string Text, string? Role = null);

/// <summary>Roles of a municipality in a message: "asun Espoossa" (home), "muutan Tampereelta Ouluun" (from, to).</summary>
public static class EntityRoles
{
    public const string Home = "home";
    public const string MovingFrom = "moving_from";
    public const string MovingTo = "moving_to";
}

public static class EntityTypes
{
    public const string Municipality = "municipality";
    public const string Age = "age";
    public const string Number = "number";
    public const string YesNo = "yesno";
}

/// <summary>
/// What the NLU made of one user utterance. <see cref="WithoutLanguageRequest"/> is set only when the best intent is the
/// language request (<see cref="NluOptions.LanguageRequestIntent"/>) and the message names a language: the intents of
/// what is left without the language request's words ("day care in english" → "day care"; see LanguageRequestMask), so
/// that routing can tell a request to change the language from a matter that mentions one.
/// </summary>
public sealed record NluResult(
    string Language,
    double LanguageConfidence,
    IReadOnlyList<IntentScore> Intents,
    IReadOnlyList<EntityMatch> Entities,
    IReadOnlyList<IntentScore>? WithoutLanguageRequest = null)
{
    public IntentScore? TopIntent => Intents.Count > 0 ? Intents[0] : null;
}

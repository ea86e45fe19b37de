namespace AuroraBots.Nlu.Safety;

/// <summary>The kinds of crisis the safety layer recognises; each selects its contacts in <c>bots/_shared/crisis.yaml</c>.</summary>
public static class SafetyCategories
{
    public const string SelfHarm = "self_harm";
    public const string Violence = "violence";
    public const string SexualAbuse = "sexual_abuse";
    public const string Emergency = "emergency";

    public static IReadOnlyList<string> All { get; } = [SelfHarm, Violence, SexualAbuse, Emergency];
}

/// <summary>
/// A message recognised as a crisis: its category and the language of the pattern that matched (the language to
/// answer in when the bot speaks it). Deliberately carries nothing of the message itself, so it can be traced safely.
/// </summary>
public sealed record SafetyMatch(string Category, string Language);

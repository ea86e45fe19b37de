namespace AuroraBots.AuroraAI.Models;

/// <summary>The ten 3X10D life-situation meters (key names as on the wire), values 0–10, higher = better.</summary>
public static class LifeSituationMeters
{
    public const string Health = "health";
    public const string Resilience = "resilience";
    public const string Housing = "housing";
    public const string WorkingStudying = "working_studying";
    public const string Family = "family";
    public const string Friends = "friends";
    public const string Finance = "finance";
    public const string ImprovementOfStrengths = "improvement_of_strengths";
    public const string SelfEsteem = "self_esteem";
    public const string LifeSatisfaction = "life_satisfaction";

    /// <summary>In the labelling CSV / database column order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Health, Resilience, Housing, WorkingStudying, Family, Friends, Finance,
        ImprovementOfStrengths, SelfEsteem, LifeSatisfaction,
    ];
}

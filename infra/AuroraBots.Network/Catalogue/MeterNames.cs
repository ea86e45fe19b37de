using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Network.Catalogue;

/// <summary>The 3X10D meter names in fi/sv/en (auroraai-network reference §5), indexed for labelled services.</summary>
internal static class MeterNames
{
    public static readonly IReadOnlyDictionary<string, LocalisedText> Names = new Dictionary<string, LocalisedText>
    {
        [LifeSituationMeters.Health] = new("terveys", "hälsa", "health"),
        [LifeSituationMeters.Resilience] = new("vaikeuksien voittaminen", "motståndskraft", "resilience"),
        [LifeSituationMeters.Housing] = new("asuminen", "boende bostad", "housing"),
        [LifeSituationMeters.WorkingStudying] = new("opiskelu työ", "studier arbete", "working studying work study"),
        [LifeSituationMeters.Family] = new("perhe", "familj", "family"),
        [LifeSituationMeters.Friends] = new("ystävät", "vänner", "friends"),
        [LifeSituationMeters.Finance] = new("raha-asiat", "privatekonomi", "finance money"),
        [LifeSituationMeters.ImprovementOfStrengths] = new("itsensä kehittäminen harrastukset", "självutveckling", "self-improvement hobbies"),
        [LifeSituationMeters.SelfEsteem] = new("itsetunto", "självkänsla", "self-esteem"),
        [LifeSituationMeters.LifeSatisfaction] = new("tyytyväisyys elämään", "livstillfredsställelse", "life satisfaction"),
    };
}

using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.State;

namespace AuroraBots.Dialogs.Recommendations;

/// <summary>
/// The <c>service_filters</c> the bots send (issue 13): services for citizens only (PTV target group KR1) unless a
/// step names other groups, and never another municipality's services: with a known municipality its own,
/// its region's and national ones; without one, national ones only.
/// </summary>
public static class RecommendationFilters
{
    public const string Citizens = "KR1";

    /// <summary>Extra candidates fetched so that local services can be put first (see <see cref="ServiceLocality"/>).</summary>
    public const int ExtraCandidates = 10;

    public static ServiceFilters For(RecommendationMemory memory) => new()
    {
        OnlyNationalServices = memory.MunicipalityCode is null && memory.IncludeNational ? true : null,
        IncludeNationalServices = memory.MunicipalityCode is null ? null : memory.IncludeNational,
        MunicipalityCodes = memory.MunicipalityCode is { } code ? [code] : null,
        TargetGroups = memory.TargetGroups ?? [Citizens],
        ServiceClasses = memory.ServiceClasses,
    };

    public static int CandidateLimit(int limit) => Math.Min(50, limit + ExtraCandidates);
}

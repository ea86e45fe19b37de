using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.State;

namespace AuroraBots.Dialogs.Recommendations;

/// <summary>
/// One recommendation query as the bots make it: the citizens-only, never-another-municipality filters, a few
/// extra candidates, then local services first, cut to the limit. Throws what the client throws.
/// </summary>
public static class ServiceQuery
{
    public static async Task<RecommendationResponse> RunAsync(
        IAuroraAiClient client, RecommendationMemory memory, string language, int limit, CancellationToken cancellationToken)
    {
        var filters = RecommendationFilters.For(memory);
        var candidates = RecommendationFilters.CandidateLimit(limit);
        var response = memory.Kind == "text"
            ? await client.TextSearchAsync(new TextSearchRequest { SearchText = memory.Query!, Limit = candidates, Language = language, ServiceFilters = filters }, cancellationToken)
            : await client.RecommendServiceAsync(new RecommendServiceRequest { LifeSituationMeters = memory.Meters!, Limit = candidates, ServiceFilters = filters }, cancellationToken);
        response.RecommendedServices = [.. ServiceLocality.Order(response.RecommendedServices, memory.MunicipalityCode).Take(limit)];
        return response;
    }
}

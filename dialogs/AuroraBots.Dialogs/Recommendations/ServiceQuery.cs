using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.State;

namespace AuroraBots.Dialogs.Recommendations;

/// <summary>
/// One recommendation query as the bots make it: the citizens-only, never-another-municipality filters, a few
/// extra candidates (and a local-only query when none of them is local), text matches above a relevance floor,
/// then local services first, cut to the limit. Throws what the client throws.
/// </summary>
public static class ServiceQuery
{
    public static async Task<RecommendationResponse> RunAsync(
        IAuroraAiClient client, RecommendationMemory memory, string language, int limit, CancellationToken cancellationToken)
    {
        var filters = RecommendationFilters.For(memory);
        var response = await QueryAsync(client, memory, language, filters, RecommendationFilters.CandidateLimit(limit), cancellationToken);
        var services = Relevant(memory, response.RecommendedServices);
        // Strong national matches can fill every candidate place although the municipality has a fitting service of
        // its own (unemployment in Oulu): ask once more for local services only and let the good ones compete.
        if (memory.MunicipalityCode is { } code && memory.IncludeNational && services.Count > 0
            && !services.Any(s => ServiceLocality.Tier(s, code) == LocalityTier.Local))
        {
            var localOnly = RecommendationFilters.For(memory);
            localOnly.IncludeNationalServices = false;
            var local = await QueryAsync(client, memory, language, localOnly, limit, cancellationToken);
            services = [.. services, .. Relevant(memory, local.RecommendedServices).Where(l => services.All(s => s.ServiceId != l.ServiceId))];
        }
        response.RecommendedServices = [.. ServiceLocality.Order(services, memory.MunicipalityCode).Take(limit)];
        return response;
    }

    /// <summary>
    /// Text-search matches below this normalised score share only a stray word stem with the query ("Äitiysneuvola"
    /// for moving, "Kuntosaliharjoittelun ABC-kurssi" for summer jobs); they are never shown as recommendations.
    /// Measured over every recommend step of the bots (BotRecommendationTests): junk scored 0.01–0.09, the weakest
    /// fitting service 0.11 ("Kesäduunari-info" for summer jobs).
    /// </summary>
    public const double MinTextRelevance = 0.10;

    private static List<RecommendedService> Relevant(RecommendationMemory memory, List<RecommendedService> services) =>
        memory.Kind == "text" ? [.. services.Where(s => s.SimilarityScore >= MinTextRelevance)] : services;

    private static Task<RecommendationResponse> QueryAsync(
        IAuroraAiClient client, RecommendationMemory memory, string language, ServiceFilters filters, int limit, CancellationToken cancellationToken) =>
        memory.Kind == "text"
            ? client.TextSearchAsync(new TextSearchRequest { SearchText = memory.Query!, Limit = limit, Language = language, ServiceFilters = filters }, cancellationToken)
            : client.RecommendServiceAsync(new RecommendServiceRequest { LifeSituationMeters = memory.Meters!, Limit = limit, ServiceFilters = filters }, cancellationToken);
}

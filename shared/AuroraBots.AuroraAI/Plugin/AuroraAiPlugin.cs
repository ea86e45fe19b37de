using System.ComponentModel;
using AuroraBots.AuroraAI.Models;
using Microsoft.SemanticKernel;

namespace AuroraBots.AuroraAI.Plugin;

/// <summary>A recommended service, trimmed to what a conversation needs.</summary>
public sealed record ServiceSuggestion(
    string ServiceId, string Name, string Summary, double Score, int Rank,
    IReadOnlyList<string> WebPages, IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> TransferChannelIds);

/// <summary>The answer of a recommendation or search, with the id that feedback must quote.</summary>
public sealed record ServiceSuggestions(long RecommendationId, IReadOnlyList<ServiceSuggestion> Services);

/// <summary>
/// The AuroraAI network as Semantic Kernel functions for the dialog core (add with
/// <c>kernel.Plugins.AddFromObject(sp.GetRequiredService&lt;AuroraAiPlugin&gt;(), "AuroraAI")</c>). Failures surface as
/// <see cref="AuroraAiUnavailableException"/> (tell the user the service directory is not reachable) or
/// <see cref="AuroraAiRequestException"/>.
/// </summary>
public sealed class AuroraAiPlugin(IAuroraAiClient client)
{
    [KernelFunction("recommend_by_life_situation")]
    [Description("Recommends Finnish public services for a 3X10D life situation. Meters: health, resilience, housing, working_studying, family, friends, finance, improvement_of_strengths, self_esteem, life_satisfaction; values 0 (bad) to 10 (good).")]
    public async Task<ServiceSuggestions> RecommendByLifeSituationAsync(
        [Description("Meter values such as 'housing=2, finance=3'")] string lifeSituation,
        [Description("Three-digit municipality code, e.g. 091 for Helsinki; empty for all of Finland")] string? municipalityCode = null,
        [Description("How many services, 1-50")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        var request = new RecommendServiceRequest
        {
            LifeSituationMeters = LifeSituationParser.Parse(lifeSituation),
            Limit = limit,
            ServiceFilters = Area(municipalityCode),
        };
        return Summarise(await client.RecommendServiceAsync(request, cancellationToken));
    }

    [KernelFunction("search_services")]
    [Description("Searches Finnish public services by free text (Finnish works best; Swedish and English match service classes and places).")]
    public async Task<ServiceSuggestions> SearchAsync(
        [Description("What the user is looking for")] string text,
        [Description("Three-digit municipality code; empty for all of Finland")] string? municipalityCode = null,
        [Description("How many services, 1-50")] int limit = 5,
        [Description("Language of the text: fi, sv or en")] string? language = null,
        CancellationToken cancellationToken = default)
    {
        var request = new TextSearchRequest { SearchText = text, Limit = limit, Language = language, ServiceFilters = Area(municipalityCode) };
        return Summarise(await client.TextSearchAsync(request, cancellationToken));
    }

    [KernelFunction("send_feedback")]
    [Description("Sends the user's feedback on a recommendation: +1 helpful, -1 not helpful; optionally for one service.")]
    public async Task<string> SendFeedbackAsync(
        [Description("The recommendation id from recommend or search")] long recommendationId,
        [Description("1 or -1")] int score,
        [Description("Service id the feedback is about; empty for the whole recommendation")] string? serviceId = null,
        CancellationToken cancellationToken = default)
    {
        var feedback = new RecommendationFeedback { AuroraaiRecommendationId = recommendationId };
        if (string.IsNullOrEmpty(serviceId)) feedback.FeedbackScore = score;
        else feedback.ServiceFeedbacks = [new ServiceFeedback { ServiceId = serviceId, FeedbackScore = score }];
        await client.SendFeedbackAsync(feedback, cancellationToken);
        return "OK";
    }

    [KernelFunction("transfer_session")]
    [Description("Hands the user's consented attributes to the service behind an e-channel and returns the URL the user should open.")]
    public async Task<string> TransferSessionAsync(
        [Description("The e-channel id (a channel whose session_transfer is true)")] string serviceChannelId,
        [Description("Consent receipt id recorded for this transfer")] string consentReceiptId,
        [Description("Age, if the user consented to share it")] int? age = null,
        [Description("Municipality code, if consented")] string? municipalityCode = null,
        [Description("Life situation such as 'housing=2', if consented")] string? lifeSituation = null,
        CancellationToken cancellationToken = default)
    {
        var request = new SessionTransferRequest
        {
            ServiceChannelId = serviceChannelId,
            SessionAttributes = new SessionAttributes
            {
                Age = age,
                MunicipalityCode = string.IsNullOrEmpty(municipalityCode) ? null : municipalityCode,
                LifeSituationMeters = string.IsNullOrEmpty(lifeSituation) ? null : LifeSituationParser.Parse(lifeSituation),
            },
        };
        return (await client.PostSessionAttributesAsync(request, consentReceiptId, cancellationToken)).AbsoluteUri;
    }

    private static ServiceFilters? Area(string? municipalityCode) =>
        string.IsNullOrEmpty(municipalityCode) ? null : new ServiceFilters { MunicipalityCodes = [municipalityCode] };

    private static ServiceSuggestions Summarise(RecommendationResponse response) => new(
        response.AuroraaiRecommendationId,
        response.RecommendedServices.Select(s => new ServiceSuggestion(
            s.ServiceId, s.ServiceName, s.ServiceDescriptionSummary, s.SimilarityScore, s.Rank,
            s.ServiceChannels.SelectMany(c => c.WebPages).ToList(),
            s.ServiceChannels.SelectMany(c => c.PhoneNumbers).ToList(),
            s.ServiceChannels.Where(c => c.SessionTransfer).Select(c => c.ServiceChannelId).ToList())).ToList());
}

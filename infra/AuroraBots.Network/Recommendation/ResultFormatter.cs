using System.Text.Json;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.SessionTransfer;

namespace AuroraBots.Network.Recommendation;

/// <summary>
/// Formats services like <c>ptv.py:_format_service</c>: Finnish texts, only EChannel / WebPage / Phone /
/// ServiceLocation / PrintableForm channels, archived channels dropped, every web page replaced by a tracking
/// <c>/redirect</c> link (with <c>session_id</c> only on EChannels), <c>session_transfer</c> true only for EChannels
/// registered to an AuroraAI service.
/// </summary>
public sealed class ResultFormatter(IAuroraServiceRegistry registry)
{
    private static readonly HashSet<string> KeptChannelTypes = ["EChannel", "WebPage", "Phone", "ServiceLocation", "PrintableForm"];
    private static readonly JsonElement EmptyLocation = JsonDocument.Parse("\"\"").RootElement.Clone();

    public RecommendationResponse Format(
        CatalogueSnapshot catalogue, IReadOnlyList<ScoredService> ranked, long recommendationId, string? sessionId, string baseUrl)
    {
        var response = new RecommendationResponse { AuroraaiRecommendationId = recommendationId };
        for (var i = 0; i < ranked.Count; i++)
        {
            var service = catalogue.Services[ranked[i].Position];
            response.RecommendedServices.Add(new RecommendedService
            {
                ServiceId = service.ServiceId,
                ServiceName = service.Name,
                ServiceDescription = service.Description,
                ServiceDescriptionSummary = service.Summary,
                UserInstruction = service.UserInstruction,
                ChargeType = service.ChargeType,
                ChargeAdditionalInfo = "",
                Requirements = [],
                FundingType = service.FundingType,
                AreaType = service.AreaType,
                Areas = service.Areas,
                ResponsibleOrganization = service.ResponsibleOrganization is { } org
                    ? new ResponsibleOrganization { Id = org.Id, Name = org.Name }
                    : null,
                TargetGroups = [.. service.TargetGroups],
                ServiceCollections = [.. service.ServiceCollections],
                ServiceClassUris = [.. service.ServiceClassUris],
                ServiceChannels = service.Channels
                    .Where(c => !c.Archived && c.Type is not null && KeptChannelTypes.Contains(c.Type))
                    .Select(c => Channel(service, c, recommendationId, sessionId, baseUrl))
                    .ToList(),
                SimilarityScore = ranked[i].Score,
                Rank = i + 1,
            });
        }
        return response;
    }

    private ServiceChannel Channel(CatalogueService service, CatalogueChannel channel, long recommendationId, string? sessionId, string baseUrl)
    {
        var isEChannel = channel.Type == "EChannel";
        var links = new List<string>();
        for (var linkId = 0; linkId < channel.WebPages.Length; linkId++)
        {
            if (string.IsNullOrEmpty(channel.WebPages[linkId])) continue;
            var link = $"{baseUrl}/service-recommender/v1/redirect?service_id={service.ServiceId}&service_channel_id={channel.ChannelId}&link_id={linkId}&recommendation_id={recommendationId}";
            if (isEChannel && !string.IsNullOrEmpty(sessionId)) link += "&session_id=" + Uri.EscapeDataString(sessionId);
            links.Add(link);
        }
        return new ServiceChannel
        {
            ServiceChannelId = channel.ChannelId,
            ServiceChannelName = channel.Name,
            ServiceChannelType = channel.Type!,
            ServiceChannelDescriptionSummary = channel.Summary,
            ServiceChannelDescription = channel.Description,
            PhoneNumbers = [.. channel.PhoneNumbers],
            Emails = [.. channel.Emails],
            Address = channel.Address,
            Location = EmptyLocation,
            ServiceHours = [.. channel.ServiceHours],
            WebPages = links,
            SessionTransfer = isEChannel && registry.FindByChannel(channel.ChannelId) is not null,
        };
    }
}

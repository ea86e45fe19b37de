using System.Text.Json.Nodes;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Builder;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

/// <summary>A recommended service as a hero card: organisation and area, summary, open/call/details and feedback buttons.</summary>
internal sealed class ServiceCards(DialogTurn turn)
{
    public Attachment Card(RecommendedService service, long recommendationId)
    {
        var replies = turn.Replies;
        // Only what the service's data has; Finnish-only cards marked in sv/en (issue 13, Recommendations/ServiceCardBuilder).
        var cards = new AuroraBots.Dialogs.Recommendations.ServiceCardBuilder(key => replies.SharedText(key), turn.Language, turn.Bot.LastRecommendation?.MunicipalityCode);
        var commands = new List<CardAction>();
        if (AuroraBots.Dialogs.Recommendations.ServiceCardBuilder.HasDetails(service))
            commands.Add(replies.Command(EngineTexts.RecommendDetails, new JsonObject { [Turn.CommandKey] = "service_details", ["service"] = service.ServiceId }, postBack: true));
        commands.Add(replies.Command(EngineTexts.RecommendUseful, Feedback(recommendationId, service.ServiceId, 1), postBack: true));
        commands.Add(replies.Command(EngineTexts.RecommendNotUseful, Feedback(recommendationId, service.ServiceId, -1), postBack: true));
        return cards.Build(service, commands);
    }

    private static JsonObject Feedback(long recommendationId, string serviceId, int score) => new()
    {
        [Turn.CommandKey] = "service_feedback", ["auroraai_recommendation_id"] = recommendationId, ["service"] = serviceId, ["score"] = score,
    };
}

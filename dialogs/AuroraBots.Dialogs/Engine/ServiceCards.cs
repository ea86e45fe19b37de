using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Builder;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

/// <summary>A recommended service as a hero card: organisation and area, summary, open/call/details and feedback buttons.</summary>
internal sealed partial class ServiceCards(DialogTurn turn)
{
    [GeneratedRegex(@"\+?\d[\d\s-]{5,}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\s-]")]
    private static partial Regex PhoneSeparators();

    public Attachment Card(RecommendedService service, long recommendationId)
    {
        var replies = turn.Replies;
        var area = service.AreaType is { } type && type.StartsWith("Nationwide", StringComparison.Ordinal)
            ? replies.SharedText(EngineTexts.RecommendNationwide) : replies.SharedText(EngineTexts.RecommendRegional);
        var subtitle = string.Join(" · ", new[] { service.ResponsibleOrganization?.Name, area }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var summary = string.IsNullOrWhiteSpace(service.ServiceDescriptionSummary) ? service.ServiceDescription : service.ServiceDescriptionSummary;
        if (summary.Length > 300) summary = summary[..297] + "…";
        var buttons = new List<CardAction>();
        if (service.ServiceChannels.SelectMany(c => c.WebPages).FirstOrDefault() is { } page)
            buttons.Add(new CardAction(ActionTypes.OpenUrl, replies.SharedText(EngineTexts.RecommendOpen), JsonValue.Create(page)));
        if (service.ServiceChannels.SelectMany(c => c.PhoneNumbers).Select(PhoneNumber).FirstOrDefault(p => p is not null) is { } phone)
            buttons.Add(new CardAction(ActionTypes.Call, replies.SharedText(EngineTexts.RecommendCall), JsonValue.Create("tel:" + phone)));
        if (service.ServiceChannels.Any(c => !string.IsNullOrWhiteSpace(c.Address) || c.ServiceHours.Count > 0))
            buttons.Add(replies.Command(EngineTexts.RecommendDetails, new JsonObject { [Turn.CommandKey] = "service_details", ["service"] = service.ServiceId }, postBack: true));
        buttons.Add(replies.Command(EngineTexts.RecommendUseful, Feedback(recommendationId, service.ServiceId, 1), postBack: true));
        buttons.Add(replies.Command(EngineTexts.RecommendNotUseful, Feedback(recommendationId, service.ServiceId, -1), postBack: true));
        return new HeroCard { Title = service.ServiceName, Subtitle = subtitle, Text = summary, Buttons = buttons }.ToAttachment();
    }

    private static JsonObject Feedback(long recommendationId, string serviceId, int score) => new()
    {
        [Turn.CommandKey] = "service_feedback", ["auroraai_recommendation_id"] = recommendationId, ["service"] = serviceId, ["score"] = score,
    };

    private static string? PhoneNumber(string entry)
    {
        var match = Phone().Match(entry);
        return match.Success ? PhoneSeparators().Replace(match.Value, "") : null;
    }
}

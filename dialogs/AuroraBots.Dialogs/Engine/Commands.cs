using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Buttons that post a command object back (<c>{"aurora": …}</c>): intents, consent, service details, feedback, "show more".</summary>
internal sealed class Commands(DialogTurn turn)
{
    public async Task OnCommandAsync(JsonObject command)
    {
        var name = command[Turn.CommandKey]?.GetValue<string>();
        switch (name)
        {
            case "intent" when command["intent"]?.GetValue<string>() is { } intent:
                turn.State.PendingClarification = null;
                await turn.Intents.StartAsync(intent);
                break;
            case "consent" when turn.State.PendingHandoff is not null:
                await turn.Consent.OnAnswerAsync(null, null, command["choice"]?.GetValue<string>() ?? "none");
                break;
            case "service_details":
                ShowDetails(command["service"]?.GetValue<string>());
                break;
            case "service_feedback":
                await SendFeedbackAsync(command);
                break;
            case "more":
                await turn.Recommendations.ShowMoreAsync();
                break;
            default:
                turn.Services.Logger.LogInformation("Ignoring unknown command {Command}", LogText.Of(name));
                break;
        }
    }

    /// <summary>Address, hours and phones exactly as the network returned them for the service.</summary>
    private void ShowDetails(string? serviceId)
    {
        var replies = turn.Replies;
        var service = turn.Bot.LastRecommendation?.Services.FirstOrDefault(s => s.Id == serviceId);
        if (service is null || (service.Addresses.Count == 0 && service.Hours.Count == 0 && service.Phones.Count == 0))
        {
            replies.Say(replies.SharedText(EngineTexts.DetailsNone));
            return;
        }
        var text = new StringBuilder($"**{service.Name}**\n\n");
        if (service.Addresses.Count > 0) text.Append(replies.SharedText(EngineTexts.DetailsAddress)).Append(": ").AppendJoin("; ", service.Addresses).Append("\n\n");
        if (service.Hours.Count > 0)
        {
            text.Append(replies.SharedText(EngineTexts.DetailsHours)).Append(":\n");
            foreach (var hours in service.Hours) text.Append("- ").Append(AuroraBots.Dialogs.Recommendations.ServiceHours.Localise(hours, turn.Language)).Append('\n');
            text.Append('\n');
        }
        if (service.Phones.Count > 0) text.Append(replies.SharedText(EngineTexts.DetailsPhone)).Append(": ").AppendJoin("; ", service.Phones);
        replies.Say(text.ToString().TrimEnd());
    }

    private async Task SendFeedbackAsync(JsonObject command)
    {
        var replies = turn.Replies;
        var id = command["auroraai_recommendation_id"]?.GetValue<long>();
        var service = command["service"]?.GetValue<string>();
        var score = command["score"]?.GetValue<int>();
        if (turn.Services.AuroraAi is not { } client || id is null || service is null || score is not (1 or -1))
        {
            replies.Say(replies.SharedText(EngineTexts.FeedbackFailed));
            return;
        }
        try
        {
            await client.SendFeedbackAsync(new RecommendationFeedback
            {
                AuroraaiRecommendationId = id.Value,
                ServiceFeedbacks = [new ServiceFeedback { ServiceId = service, FeedbackScore = score.Value }],
            }, turn.Cancellation);
            replies.Say(replies.SharedText(EngineTexts.FeedbackThanks));
        }
        catch (Exception ex) when (ex is AuroraAiUnavailableException or AuroraAiRequestException)
        {
            turn.Services.Logger.LogWarning(ex, "Recommendation feedback failed");
            replies.Say(replies.SharedText(EngineTexts.FeedbackFailed));
        }
    }
}

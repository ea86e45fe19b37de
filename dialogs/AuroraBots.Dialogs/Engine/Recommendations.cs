using AuroraBots.Schema;
using System.Text.Json.Nodes;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Builder;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Steps;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Asking the AuroraAI network and showing its services; "show more" pages through the last recommendation.</summary>
internal sealed class Recommendations(DialogTurn turn)
{
    /// <summary>The honest one-liner when the user's municipality has nothing local among the results (issue 13).</summary>
    public string? NothingLocal(RecommendationMemory memory, RecommendationResponse response)
    {
        if (memory.MunicipalityCode is not { } code
            || response.RecommendedServices.Any(s => AuroraBots.Dialogs.Recommendations.ServiceLocality.Tier(s, code) != AuroraBots.Dialogs.Recommendations.LocalityTier.National)) return null;
        var name = AuroraBots.AuroraAI.CodeLists.AuroraCodeLists.Default.MunicipalityNames.GetValueOrDefault(code)?.In(turn.Language) ?? code;
        return turn.Replies.SharedText(EngineTexts.RecommendNoLocal, scope: new Dictionary<string, string> { ["area.municipality"] = name });
    }

    /// <summary>Null when the network is unavailable or refused (the user gets a polite message either way).</summary>
    public async Task<RecommendationResponse?> QueryAsync(RecommendationMemory memory, int limit)
    {
        if (turn.Services.AuroraAi is not { } client) return null;
        try
        {
            // Citizens' services only, never another municipality's, local ones first (issue 13).
            return await AuroraBots.Dialogs.Recommendations.ServiceQuery.RunAsync(client, memory, turn.Language, limit, turn.Cancellation);
        }
        catch (AuroraAiUnavailableException ex)
        {
            turn.Services.Logger.LogWarning(ex, "AuroraAI network unavailable for bot {Bot}", turn.ActiveBotId);
            return null;
        }
        catch (AuroraAiRequestException ex)
        {
            turn.Services.Logger.LogError(ex, "AuroraAI refused a recommendation request of bot {Bot}", turn.ActiveBotId);
            return null;
        }
    }

    /// <summary>Keeps what the detail button may show later: only what the network returned, nothing guessed.</summary>
    public static void Remember(RecommendationMemory memory, IEnumerable<RecommendedService> services)
    {
        foreach (var service in services)
        {
            memory.Services.Add(new RememberedService
            {
                Id = service.ServiceId,
                Name = service.ServiceName,
                Addresses = [.. service.ServiceChannels.Select(c => c.Address).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct()],
                Hours = [.. service.ServiceChannels.SelectMany(c => c.ServiceHours).Distinct()],
                Phones = [.. service.ServiceChannels.SelectMany(c => c.PhoneNumbers).Distinct()],
            });
        }
    }

    public void ShowServices(string intro, RecommendationResponse response, string? flow, string? step)
    {
        var cards = new ServiceCards(turn);
        var reply = turn.Replies.NewMessage(intro, flow, step);
        reply.AttachmentLayout = "carousel";
        reply.Attachments = [.. response.RecommendedServices.Select(s => cards.Card(s, response.AuroraaiRecommendationId))];
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [turn.Replies.Command(EngineTexts.RecommendMore, new JsonObject { [Turn.CommandKey] = "more" })],
        };
        turn.Outbox.Add(reply);
    }

    public async Task ShowMoreAsync()
    {
        var replies = turn.Replies;
        var memory = turn.Bot.LastRecommendation;
        if (memory is null) { replies.Say(replies.SharedText(EngineTexts.RecommendNoMore)); return; }
        var response = await QueryAsync(memory, Math.Min(50, memory.Shown + memory.Limit));
        if (response is null) { replies.Say(replies.SharedText(EngineTexts.RecommendUnavailable)); return; }
        var known = memory.Services.Select(s => s.Id).ToHashSet();
        var fresh = response.RecommendedServices.Where(s => !known.Contains(s.ServiceId)).Take(memory.Limit).ToList();
        if (fresh.Count == 0) { replies.Say(replies.SharedText(EngineTexts.RecommendNoMore)); return; }
        memory.RecommendationId = response.AuroraaiRecommendationId;
        memory.Shown += fresh.Count;
        Remember(memory, fresh);
        ShowServices(replies.SharedText(EngineTexts.RecommendIntro),
            new RecommendationResponse { AuroraaiRecommendationId = response.AuroraaiRecommendationId, RecommendedServices = fresh }, null, null);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

internal sealed partial class Turn
{
    private const int DefaultLimit = 3;

    private async Task RecommendAsync(DialogFrame frame, FlowContent flow, StepDefinition step)
    {
        var memory = new RecommendationMemory
        {
            Kind = step.Recommend!,
            Limit = step.Limit ?? DefaultLimit,
            IncludeNational = step.Filters?.IncludeNational ?? true,
            TargetGroups = step.Filters?.TargetGroups is { Count: > 0 } groups ? groups : null,
            ServiceClasses = step.Filters?.ServiceClasses is { Count: > 0 } classes ? classes : null,
        };
        if ((step.Filters?.Municipality ?? true) && Bot.Attributes.TryGetValue(AttributeSchema.MunicipalityCode, out var municipality))
            memory.MunicipalityCode = municipality.Value;
        if (memory.Kind == "text")
        {
            memory.Query = step.Query is null ? State.LastUserText : Render(step.Query);
            if (string.IsNullOrWhiteSpace(memory.Query)) { NoServices(frame, flow, step, EngineTexts.RecommendNone); return; }
        }
        else
        {
            var meters = (step.Meters is { Count: > 0 } chosen ? chosen : LifeSituationMeters.All)
                .Where(m => Bot.Attributes.ContainsKey(AttributeSchema.MeterPrefix + m))
                .ToDictionary(m => m, m => new List<int> { int.Parse(Bot.Attributes[AttributeSchema.MeterPrefix + m].Value, System.Globalization.CultureInfo.InvariantCulture) });
            if (meters.Count == 0) { NoServices(frame, flow, step, EngineTexts.RecommendNoMeters); return; }
            memory.Meters = meters;
        }

        var response = await QueryAsync(memory, memory.Limit);
        if (response is null) { NoServices(frame, flow, step, EngineTexts.RecommendUnavailable); return; }
        if (response.RecommendedServices.Count == 0) { NoServices(frame, flow, step, EngineTexts.RecommendNone); return; }

        memory.RecommendationId = response.AuroraaiRecommendationId;
        memory.Shown = response.RecommendedServices.Count;
        Remember(memory, response.RecommendedServices);
        Bot.LastRecommendation = memory;
        if (step.Save is { } save) Assign(save, response.AuroraaiRecommendationId.ToString(System.Globalization.CultureInfo.InvariantCulture), AttributeSources.SetByBot);
        ShowServices(step.Say is null ? SharedText(EngineTexts.RecommendIntro) : Text(step.Say), response, flow.Id, flow.StepName(frame.Step));
        Advance(frame, flow, step);
    }

    private void NoServices(DialogFrame frame, FlowContent flow, StepDefinition step, string key)
    {
        Say(SharedText(key), null, flow.Id, flow.StepName(frame.Step));
        Advance(frame, flow, step, step.Fallback);
    }

    /// <summary>Null when the network is unavailable or refused (the user gets a polite message either way).</summary>
    private async Task<RecommendationResponse?> QueryAsync(RecommendationMemory memory, int limit)
    {
        if (_services.AuroraAi is not { } client) return null;
        var filters = new ServiceFilters
        {
            IncludeNationalServices = memory.IncludeNational,
            MunicipalityCodes = memory.MunicipalityCode is { } code ? [code] : null,
            TargetGroups = memory.TargetGroups,
            ServiceClasses = memory.ServiceClasses,
        };
        try
        {
            return memory.Kind == "text"
                ? await client.TextSearchAsync(new TextSearchRequest { SearchText = memory.Query!, Limit = limit, Language = Language, ServiceFilters = filters }, _cancellation)
                : await client.RecommendServiceAsync(new RecommendServiceRequest { LifeSituationMeters = memory.Meters!, Limit = limit, ServiceFilters = filters }, _cancellation);
        }
        catch (AuroraAiUnavailableException ex)
        {
            _services.Logger.LogWarning(ex, "AuroraAI network unavailable for bot {Bot}", ActiveBotId);
            return null;
        }
        catch (AuroraAiRequestException ex)
        {
            _services.Logger.LogError(ex, "AuroraAI refused a recommendation request of bot {Bot}", ActiveBotId);
            return null;
        }
    }

    private static void Remember(RecommendationMemory memory, IEnumerable<RecommendedService> services)
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

    private void ShowServices(string intro, RecommendationResponse response, string? flow, string? step)
    {
        var reply = NewMessage(intro, flow, step);
        reply.AttachmentLayout = "carousel";
        reply.Attachments = [.. response.RecommendedServices.Select(s => ServiceCard(s, response.AuroraaiRecommendationId))];
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [Command(EngineTexts.RecommendMore, new JsonObject { [CommandKey] = "more" })],
        };
        Outbox.Add(reply);
    }

    private Attachment ServiceCard(RecommendedService service, long recommendationId)
    {
        var area = service.AreaType is { } type && type.StartsWith("Nationwide", StringComparison.Ordinal)
            ? SharedText(EngineTexts.RecommendNationwide) : SharedText(EngineTexts.RecommendRegional);
        var subtitle = string.Join(" · ", new[] { service.ResponsibleOrganization?.Name, area }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var summary = string.IsNullOrWhiteSpace(service.ServiceDescriptionSummary) ? service.ServiceDescription : service.ServiceDescriptionSummary;
        if (summary.Length > 300) summary = summary[..297] + "…";
        var buttons = new List<CardAction>();
        if (service.ServiceChannels.SelectMany(c => c.WebPages).FirstOrDefault() is { } page)
            buttons.Add(new CardAction(ActionTypes.OpenUrl, SharedText(EngineTexts.RecommendOpen), JsonValue.Create(page)));
        if (service.ServiceChannels.SelectMany(c => c.PhoneNumbers).Select(PhoneNumber).FirstOrDefault(p => p is not null) is { } phone)
            buttons.Add(new CardAction(ActionTypes.Call, SharedText(EngineTexts.RecommendCall), JsonValue.Create("tel:" + phone)));
        if (service.ServiceChannels.Any(c => !string.IsNullOrWhiteSpace(c.Address) || c.ServiceHours.Count > 0))
            buttons.Add(Command(EngineTexts.RecommendDetails, new JsonObject { [CommandKey] = "service_details", ["service"] = service.ServiceId }, postBack: true));
        buttons.Add(Command(EngineTexts.RecommendUseful, Feedback(recommendationId, service.ServiceId, 1), postBack: true));
        buttons.Add(Command(EngineTexts.RecommendNotUseful, Feedback(recommendationId, service.ServiceId, -1), postBack: true));
        return new HeroCard { Title = service.ServiceName, Subtitle = subtitle, Text = summary, Buttons = buttons }.ToAttachment();
    }

    private static JsonObject Feedback(long recommendationId, string serviceId, int score) => new()
    {
        [CommandKey] = "service_feedback", ["auroraai_recommendation_id"] = recommendationId, ["service"] = serviceId, ["score"] = score,
    };

    private CardAction Command(string key, JsonObject value, bool postBack = false)
    {
        var label = SharedText(key);
        return postBack
            ? new CardAction(ActionTypes.PostBack, label, value)
            : new CardAction(ActionTypes.MessageBack, label, value) { Text = label, DisplayText = label };
    }

    private static string? PhoneNumber(string entry)
    {
        var match = Regex.Match(entry, @"\+?\d[\d\s-]{5,}\d");
        return match.Success ? Regex.Replace(match.Value, @"[\s-]", "") : null;
    }

    /// <summary>Buttons that post a command object back: details, feedback, "show more", intents, consent.</summary>
    private async Task OnCommandAsync(JsonObject command)
    {
        var name = command[CommandKey]?.GetValue<string>();
        switch (name)
        {
            case "intent" when command["intent"]?.GetValue<string>() is { } intent:
                State.PendingClarification = null;
                await StartIntentAsync(intent);
                break;
            case "consent" when State.PendingHandoff is not null:
                await OnConsentAnswerAsync(null, null, command["choice"]?.GetValue<string>() ?? "none");
                break;
            case "service_details":
                ShowDetails(command["service"]?.GetValue<string>());
                break;
            case "service_feedback":
                await SendFeedbackAsync(command);
                break;
            case "more":
                await ShowMoreAsync();
                break;
            default:
                _services.Logger.LogInformation("Ignoring unknown command {Command}", name);
                break;
        }
    }

    private void ShowDetails(string? serviceId)
    {
        var service = Bot.LastRecommendation?.Services.FirstOrDefault(s => s.Id == serviceId);
        if (service is null || (service.Addresses.Count == 0 && service.Hours.Count == 0 && service.Phones.Count == 0))
        {
            Say(SharedText(EngineTexts.DetailsNone), null);
            return;
        }
        var text = new StringBuilder($"**{service.Name}**\n\n");
        if (service.Addresses.Count > 0) text.Append(SharedText(EngineTexts.DetailsAddress)).Append(": ").AppendJoin("; ", service.Addresses).Append("\n\n");
        if (service.Hours.Count > 0)
        {
            text.Append(SharedText(EngineTexts.DetailsHours)).Append(":\n");
            foreach (var hours in service.Hours) text.Append("- ").Append(hours).Append('\n');
            text.Append('\n');
        }
        if (service.Phones.Count > 0) text.Append(SharedText(EngineTexts.DetailsPhone)).Append(": ").AppendJoin("; ", service.Phones);
        Say(text.ToString().TrimEnd(), null);
    }

    private async Task SendFeedbackAsync(JsonObject command)
    {
        var id = command["auroraai_recommendation_id"]?.GetValue<long>();
        var service = command["service"]?.GetValue<string>();
        var score = command["score"]?.GetValue<int>();
        if (_services.AuroraAi is not { } client || id is null || service is null || score is not (1 or -1))
        {
            Say(SharedText(EngineTexts.FeedbackFailed), null);
            return;
        }
        try
        {
            await client.SendFeedbackAsync(new RecommendationFeedback
            {
                AuroraaiRecommendationId = id.Value,
                ServiceFeedbacks = [new ServiceFeedback { ServiceId = service, FeedbackScore = score.Value }],
            }, _cancellation);
            Say(SharedText(EngineTexts.FeedbackThanks), null);
        }
        catch (Exception ex) when (ex is AuroraAiUnavailableException or AuroraAiRequestException)
        {
            _services.Logger.LogWarning(ex, "Recommendation feedback failed");
            Say(SharedText(EngineTexts.FeedbackFailed), null);
        }
    }

    private async Task ShowMoreAsync()
    {
        var memory = Bot.LastRecommendation;
        if (memory is null) { Say(SharedText(EngineTexts.RecommendNoMore), null); return; }
        var response = await QueryAsync(memory, Math.Min(50, memory.Shown + memory.Limit));
        if (response is null) { Say(SharedText(EngineTexts.RecommendUnavailable), null); return; }
        var known = memory.Services.Select(s => s.Id).ToHashSet();
        var fresh = response.RecommendedServices.Where(s => !known.Contains(s.ServiceId)).Take(memory.Limit).ToList();
        if (fresh.Count == 0) { Say(SharedText(EngineTexts.RecommendNoMore), null); return; }
        memory.RecommendationId = response.AuroraaiRecommendationId;
        memory.Shown += fresh.Count;
        Remember(memory, fresh);
        ShowServices(SharedText(EngineTexts.RecommendIntro),
            new RecommendationResponse { AuroraaiRecommendationId = response.AuroraaiRecommendationId, RecommendedServices = fresh }, null, null);
    }
}

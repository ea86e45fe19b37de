using System.Security.Claims;
using AuroraBots.Agents.Desk;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Agents.Apis;

/// <summary><c>/agent/api/desk</c>: the queues, the agent's chats and counters (the console polls it); <c>/agent/api/presence</c>.</summary>
public static class DeskApi
{
    public static RouteGroupBuilder MapDeskApi(this RouteGroupBuilder api)
    {
        api.MapGet("/desk", GetAsync);
        api.MapPut("/presence", PresenceAsync);
        return api;
    }

    /// <param name="language">The console's language: the queues are named in it (the fallback language when unknown).</param>
    public static async Task<Ok<DeskView>> GetAsync(ClaimsPrincipal user, AgentDesk desk, IDialogContent content, TimeProvider time,
        AgentsOptions options, Languages languages, string? language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bots = content.Current.Content.Bots;
        language = languages.Resolve(language);
        var queues = (await desk.QueuesAsync(cancellationToken)).Select(q => new QueueView(q.Bot,
            bots.TryGetValue(q.Bot, out var bot) ? bot.NameIn(language) : q.Bot,
            [.. q.Waiting.Select(s => new QueueEntry(s.ConversationId, s.BotId, s.Language, (int)(now - s.QueuedAt).TotalSeconds))])).ToList();
        var mine = (await desk.MyChatsAsync(user.Identity!.Name!, cancellationToken)).Select(s => new ChatSummary(s.ConversationId, s.BotId, s.Language,
            s.State, s.AcceptedAt, s.CitizenTypingAt is { } t && now - t < TimeSpan.FromSeconds(5))).ToList();
        var open = (await desk.ContactRequestsAsync(cancellationToken)).Count(r => !r.Done);
        return TypedResults.Ok(new DeskView(queues, mine, await desk.OnDutyAsync(cancellationToken), open));
    }

    public static async Task<NoContent> PresenceAsync(PresenceRequest request, ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken)
    {
        await desk.ReportPresenceAsync(user.Identity!.Name!, request.Available, cancellationToken);
        return TypedResults.NoContent();
    }
}

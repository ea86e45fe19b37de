using System.Security.Claims;
using AuroraBots.Agents.Desk;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.LiveChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Agents.Apis;

/// <summary>
/// <c>/agent/api/chats/{id}</c>: accept (409 when another agent was faster), read (only the consented window of the
/// conversation, only by the agent who accepted it), write, typing, transfer, end; <c>/agent/api/canned</c>.
/// </summary>
public static class ChatsApi
{
    public static RouteGroupBuilder MapChatsApi(this RouteGroupBuilder api)
    {
        var chats = api.MapGroup("/chats/{conversationId}");
        chats.MapPost("/accept", AcceptAsync);
        chats.MapGet("", GetAsync);
        chats.MapPost("/messages", SendAsync);
        chats.MapPost("/typing", TypingAsync);
        chats.MapPost("/transfer", TransferAsync);
        chats.MapPost("/end", EndAsync);
        api.MapGet("/canned", Canned);
        return api;
    }

    public static async Task<Results<Ok<ChatView>, NotFound<DeskMessage>, Conflict<DeskMessage>>> AcceptAsync(string conversationId, ClaimsPrincipal user,
        AgentDesk desk, IDialogContent content, TimeProvider time, CancellationToken cancellationToken)
    {
        var (outcome, session) = await desk.AcceptAsync(conversationId, Agent(user), cancellationToken);
        return outcome switch
        {
            DeskOutcome.Done => TypedResults.Ok(await ViewAsync(session!, 0, desk, content, time, cancellationToken)),
            DeskOutcome.NotFound => TypedResults.NotFound(new DeskMessage("There is no such chat (any more).")),
            _ => TypedResults.Conflict(new DeskMessage("Another agent already took this chat, or the citizen left.")),
        };
    }

    public static async Task<Results<Ok<ChatView>, NotFound<DeskMessage>, ForbidHttpResult>> GetAsync(string conversationId, long? after, ClaimsPrincipal user,
        AgentDesk desk, IDialogContent content, TimeProvider time, CancellationToken cancellationToken)
    {
        var (outcome, session) = await desk.FindMineAsync(conversationId, Agent(user), cancellationToken);
        return outcome switch
        {
            DeskOutcome.Done => TypedResults.Ok(await ViewAsync(session!, after ?? 0, desk, content, time, cancellationToken)),
            DeskOutcome.NotYours => TypedResults.Forbid(),
            _ => TypedResults.NotFound(new DeskMessage("There is no such chat (any more).")),
        };
    }

    public static async Task<Results<NoContent, NotFound<DeskMessage>, ForbidHttpResult, Conflict<DeskMessage>, BadRequest<DeskMessage>>> SendAsync(
        string conversationId, SendRequest request, ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken) =>
        Result(await desk.SendAsync(conversationId, Agent(user), request.Text, cancellationToken),
            $"Write a message of 1–{AgentDesk.MaxMessageLength} characters.");

    public static async Task<Results<NoContent, NotFound<DeskMessage>, ForbidHttpResult, Conflict<DeskMessage>, BadRequest<DeskMessage>>> TypingAsync(
        string conversationId, ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken) =>
        Result(await desk.TypingAsync(conversationId, Agent(user), cancellationToken), "");

    public static async Task<Results<NoContent, NotFound<DeskMessage>, ForbidHttpResult, Conflict<DeskMessage>, BadRequest<DeskMessage>>> TransferAsync(
        string conversationId, TransferRequest request, ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken) =>
        Result(await desk.TransferAsync(conversationId, Agent(user), request.Queue, cancellationToken), "Choose the queue of a bot with a live chat.");

    public static async Task<Results<NoContent, NotFound<DeskMessage>, ForbidHttpResult, Conflict<DeskMessage>, BadRequest<DeskMessage>>> EndAsync(
        string conversationId, ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken) =>
        Result(await desk.EndAsync(conversationId, Agent(user), cancellationToken), "");

    public static Ok<IReadOnlyList<CannedAnswer>> Canned(string bot, string language, AgentDesk desk) =>
        TypedResults.Ok<IReadOnlyList<CannedAnswer>>([.. desk.Canned(bot, language).Select(c => new CannedAnswer(c.Key, c.Text))]);

    private static Results<NoContent, NotFound<DeskMessage>, ForbidHttpResult, Conflict<DeskMessage>, BadRequest<DeskMessage>> Result(DeskOutcome outcome, string invalid) =>
        outcome switch
        {
            DeskOutcome.Done => TypedResults.NoContent(),
            DeskOutcome.NotYours => TypedResults.Forbid(),
            DeskOutcome.Ended => TypedResults.Conflict(new DeskMessage("The chat has ended.")),
            DeskOutcome.Invalid => TypedResults.BadRequest(new DeskMessage(invalid)),
            _ => TypedResults.NotFound(new DeskMessage("There is no such chat (any more).")),
        };

    private static async Task<ChatView> ViewAsync(Storage.LiveChatSession session, long after, AgentDesk desk, IDialogContent content, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (messages, watermark) = await desk.MessagesAsync(session, after, cancellationToken);
        var name = content.Current.Content.Bots.TryGetValue(session.BotId, out var bot) ? bot.NameIn(session.Language) : session.BotId;
        var typing = session.State == LiveChatStates.Active && session.CitizenTypingAt is { } at && time.GetUtcNow() - at < TimeSpan.FromSeconds(5);
        return new ChatView(session.ConversationId, session.BotId, name, session.Language, session.State, session.EndedBy, session.ShareTranscript,
            session.Attributes, typing, messages, watermark);
    }

    private static string Agent(ClaimsPrincipal user) => user.Identity!.Name!;
}

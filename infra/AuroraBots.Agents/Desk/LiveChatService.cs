using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Handoff.Ledger;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Agents.Desk;

/// <summary>
/// The engine's side of the live chat (<see cref="ILiveChatService"/>): whether people answer now (the bot's hours in
/// its time zone, agents on duty, queue length), queueing with consent (receipt in the ledger, names only), the
/// citizen leaving or ending, messages left for agents, and "forget me".
/// </summary>
public sealed class LiveChatService(
    ILiveChatStore store,
    IDialogContent content,
    CitizenMessages citizen,
    QueueNotifier notifier,
    AgentsOptions options,
    TimeProvider time,
    ILogger<LiveChatService> logger,
    IConsentLedger? ledger = null,
    SubjectPseudonymizer? pseudonymizer = null) : ILiveChatService
{
    /// <summary>Ledger recipient kind of a consent to show data to the organisation's agents.</summary>
    public const string RecipientKind = "agent";
    /// <summary>Name recorded in the ledger for "the conversation's transcript" (besides attribute names).</summary>
    public const string TranscriptConsent = "conversation_transcript";

    public TimeSpan ContactRequestRetention => options.ContactRequestRetention;

    public async Task<LiveChatAvailability> CheckAsync(string botId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!content.Current.Content.Bots.TryGetValue(botId, out var bot) || bot.Manifest.LiveChat is not { } definition
            || BusinessHours.Parse(definition, out _) is not { } hours || definition.Hours.Count == 0)
            return new LiveChatAvailability(LiveChatAvailabilityKind.NotOffered, 0, TimeSpan.Zero, null);
        if (!hours.IsOpen(now)) return new LiveChatAvailability(LiveChatAvailabilityKind.Closed, 0, TimeSpan.Zero, hours.NextOpening(now));
        var waiting = (await store.ListQueueAsync(botId, cancellationToken)).Count;
        var onDuty = await notifier.OnDutyAsync(cancellationToken);
        var kind = onDuty == 0 || waiting >= options.MaxQueueLength ? LiveChatAvailabilityKind.Busy : LiveChatAvailabilityKind.Open;
        return new LiveChatAvailability(kind, waiting, QueueEstimate.Wait(waiting + 1, onDuty, options.AverageChatDuration), null);
    }

    public async Task<LiveChatStatus?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(conversationId, cancellationToken);
        return session?.State switch
        {
            LiveChatStates.Active => new LiveChatStatus(LiveChatStates.Active, 0, TimeSpan.Zero, session.Agent),
            LiveChatStates.Waiting => await notifier.StatusAsync(session, cancellationToken),
            _ => null,
        };
    }

    public async Task<LiveChatStatus> RequestAsync(LiveChatRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var receipt = await RecordConsentAsync(request.Subject, request.BotId, request.Purpose,
            [.. request.ShareTranscript ? [TranscriptConsent] : Array.Empty<string>(), .. request.Attributes.Select(a => a.Name)],
            request.Language, now, options.ChatRetention, cancellationToken);
        var session = new LiveChatSession
        {
            ConversationId = request.ConversationId,
            BotId = request.BotId,
            BotName = request.BotName,
            Queue = request.BotId,
            Language = request.Language,
            Subject = request.Subject,
            State = LiveChatStates.Waiting,
            QueuedAt = now,
            ShareTranscript = request.ShareTranscript,
            FromSequence = request.ShareTranscript ? 0 : request.FromSequence,
            Attributes = request.Attributes,
            ReceiptId = receipt,
        };
        await store.EnqueueAsync(session, cancellationToken);
        await EmitInitiateAsync(session, cancellationToken);
        return await notifier.StatusAsync(session, cancellationToken);
    }

    public async Task OnCitizenActivityAsync(string conversationId, bool typing, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { } session) return;
        var now = time.GetUtcNow();
        await store.SaveAsync(typing ? session with { CitizenTypingAt = now } : session with { LastCitizenMessageAt = now, CitizenTypingAt = null }, cancellationToken);
    }

    public async Task EndByCitizenAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { } session || session.State == LiveChatStates.Ended) return;
        await notifier.EndAsync(session, "citizen", cancellationToken);
    }

    public async Task<string> LeaveMessageAsync(ContactRequestDraft draft, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purpose = content.Current.Content.Shared.Texts.Texts.GetValueOrDefault(LiveChatTexts.LeaveMessage)?.ByLanguage.GetValueOrDefault(draft.Language) ?? "contact request";
        var receipt = await RecordConsentAsync(draft.Subject, draft.BotId, purpose, ["contact_" + draft.Method, "message"], draft.Language, now,
            options.ContactRequestRetention, cancellationToken);
        var request = new ContactRequest
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            BotId = draft.BotId,
            Subject = draft.Subject,
            Language = draft.Language,
            Method = draft.Method,
            Contact = draft.Contact,
            Message = draft.Message,
            CreatedAt = now,
            ExpiresAt = now + options.ContactRequestRetention,
            ReceiptId = receipt,
        };
        await store.SaveContactRequestAsync(request, cancellationToken);
        logger.LogInformation("Contact request {Id} left for bot {Bot}", request.Id, request.BotId);
        return request.Id;
    }

    public async Task ForgetAsync(string conversationId, string subject, CancellationToken cancellationToken)
    {
        foreach (var request in (await store.ListContactRequestsAsync(time.GetUtcNow(), cancellationToken)).Where(r => r.Subject == subject))
            await store.RemoveContactRequestAsync(request.Id, cancellationToken);
        if (await store.GetAsync(conversationId, cancellationToken) is { } session)
        {
            if (session.State != LiveChatStates.Ended) await notifier.EndAsync(session, "citizen", cancellationToken, announce: false);
            await store.DeleteAsync(conversationId, cancellationToken);
        }
    }

    /// <summary>The consent in the ledger: who may see which data (names only, never values), why and until when.</summary>
    private async Task<string?> RecordConsentAsync(string subject, string botId, string purpose, IReadOnlyList<string> names, string language,
        DateTimeOffset now, TimeSpan keep, CancellationToken cancellationToken)
    {
        if (ledger is null || pseudonymizer is null) return null;
        var receipt = new ConsentReceipt("lc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), pseudonymizer.Pseudonymize(subject),
            botId, "agents:" + botId, RecipientKind, purpose, names, language, now, now + keep) { Outcome = TransferOutcomes.Delivered };
        await ledger.AddAsync(receipt, cancellationToken);
        return receipt.Id;
    }

    /// <summary><c>handoff.initiate</c> with the consented transcript as attachment, for an external agent hub.</summary>
    private async Task EmitInitiateAsync(LiveChatSession session, CancellationToken cancellationToken)
    {
        var transcript = await notifier.TranscriptAttachmentAsync(session, cancellationToken);
        var value = new JsonObject
        {
            ["skill"] = "live_chat",
            ["queue"] = session.Queue,
            ["language"] = session.Language,
            ["attributes"] = new JsonObject(session.Attributes.Select(a => KeyValuePair.Create(a.Name, (JsonNode?)JsonValue.Create(a.Value)))),
        };
        await citizen.EventAsync(session.ConversationId, session.BotId, session.Language, HandoffEvents.Initiate, value, transcript, cancellationToken);
    }
}

/// <summary>Bot Framework hand-off protocol names (botbuilder <c>HandoffEventNames</c>, <c>HandoffStates</c>).</summary>
public static class HandoffEvents
{
    public const string Initiate = "handoff.initiate";
    public const string Status = "handoff.status";
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";
}

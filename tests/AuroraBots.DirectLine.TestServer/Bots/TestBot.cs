using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Schema;

namespace AuroraBots.DirectLine.TestServer.Bots;

/// <summary>
/// The test bot (never shipped in the product). Behaviour is picked by the conversation's bot id
/// (<c>slow-bot</c>, <c>failing-bot</c>) or by the message text:
/// <c>slow</c> (30 s), <c>fail</c> (throws), <c>card</c> (hero card + suggested actions), <c>typing</c>
/// (typing, then a message), <c>delay MS text</c> (echo after MS ms), <c>burst N</c> (N replies), anything else is echoed as <c>echo: text</c>.
/// </summary>
public sealed class TestBot : IBot
{
    public static TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                var members = string.Join(",", activity.MembersAdded?.Select(m => $"{m.Id}:{m.Role}") ?? []);
                await turnContext.SendActivityAsync(MessageFactory.Text($"conversationUpdate membersAdded={members}"), cancellationToken);
                return;
            case ActivityTypes.Event:
                await turnContext.SendActivityAsync(MessageFactory.Text($"event {activity.Name}"), cancellationToken);
                return;
            case ActivityTypes.Typing:
                return;
        }
        var text = activity.Text ?? "";
        if (botId == "failing-bot" || text == "fail") throw new InvalidOperationException("Test bot failure (expected by the test).");
        if (botId == "slow-bot" || text == "slow")
        {
            await Task.Delay(SlowDelay, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text($"slow: {text}"), cancellationToken);
            return;
        }
        if (activity.Attachments is { Count: > 0 } attachments)
        {
            var described = string.Join(";", attachments.Select(a => $"{a.Name}|{a.ContentType}|{a.ContentUrl}"));
            await turnContext.SendActivityAsync(MessageFactory.Text($"attachments: {described}"), cancellationToken);
            return;
        }
        if (text == "card")
        {
            var reply = MessageFactory.Carousel([new HeroCard
            {
                Title = "Hero",
                Text = "A hero card",
                Buttons = [new CardAction(ActionTypes.ImBack, "Yes", JsonValue.Create("yes")), new CardAction(ActionTypes.PostBack, "Hidden", JsonValue.Create("pb"))],
            }.ToAttachment()], "Choose");
            reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "One", JsonValue.Create("one"))] };
            await turnContext.SendActivityAsync(reply, cancellationToken);
            return;
        }
        if (text == "typing")
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text("typed"), cancellationToken);
            return;
        }
        if (text.StartsWith("delay ", StringComparison.Ordinal) && text.Split(' ', 3) is [_, var ms, var rest] && int.TryParse(ms, out var delayMs))
        {
            await Task.Delay(delayMs, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text($"echo: {rest}"), cancellationToken);
            return;
        }
        if (text.StartsWith("burst ", StringComparison.Ordinal) && int.TryParse(text[6..], out var count))
        {
            for (var i = 1; i <= Math.Min(count, 500); i++)
                await turnContext.SendActivityAsync(MessageFactory.Text($"burst {i}"), cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync(MessageFactory.Text($"echo: {text}"), cancellationToken);
    }
}

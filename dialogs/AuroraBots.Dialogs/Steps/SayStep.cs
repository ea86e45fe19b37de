using AuroraBots.Schema;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Steps;

/// <summary><c>say:</c> a message with optional hero cards (<c>cards</c>, <c>layout</c>) and suggested actions.</summary>
public sealed class SayStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public LocalizedText? Text { get; } = definition.Say;
    public IReadOnlyList<CardDefinition> Cards { get; } = definition.Cards ?? [];
    public string? Layout { get; } = definition.Layout;
    public IReadOnlyList<SuggestionDefinition> Suggestions { get; } = definition.Suggestions ?? [];
    public override string Kind => StepKinds.Say;

    internal override Task<StepOutcome> RunAsync(StepRun run)
    {
        var replies = run.Turn.Replies;
        var reply = replies.NewMessage(Text is null ? null : replies.Text(Text), run.Flow.Id, Id);
        if (Cards.Count > 0)
        {
            reply.Attachments = [.. Cards.Select(replies.Card)];
            reply.AttachmentLayout = Layout ?? (Cards.Count > 1 ? "carousel" : "list");
        }
        if (Suggestions.Count > 0)
            reply.SuggestedActions = new SuggestedActions { Actions = [.. Suggestions.Select(replies.Suggestion)] };
        run.Turn.Outbox.Add(reply);
        run.Advance();
        return Task.FromResult(StepOutcome.Continue);
    }
}

using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// <c>handoff: &lt;bot&gt;</c> (or <c>back</c>): offers the attributes the target receives (limited by <c>share</c>)
/// and waits for consent; with nothing to share it transfers at once.
/// </summary>
public sealed class HandoffStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public const string Back = "back";

    public string Target { get; } = definition.Handoff ?? Back;
    public LocalizedText? Intro { get; } = definition.Say;
    /// <summary>Attributes (or groups) the step may share; null shares whatever the target receives.</summary>
    public IReadOnlyList<string>? Share { get; } = definition.Share;
    public LocalizedText? Purpose { get; } = definition.Purpose;
    public string? Fallback { get; } = definition.Fallback;
    public override string Kind => StepKinds.Handoff;
    public override IEnumerable<string> Jumps => Fallback is null ? [] : [Fallback];

    internal override async Task<StepOutcome> RunAsync(StepRun run)
    {
        var turn = run.Turn;
        if (Intro is not null) turn.Replies.Say(turn.Replies.Text(Intro), flow: run.Flow.Id, step: Id);
        if (Target == Back)
        {
            run.Advance();
            turn.Handoffs.HandBack();
            return StepOutcome.Continue;
        }
        if (turn.Services.Handoff is null)
        {
            turn.Replies.Say(turn.Replies.SharedText(EngineTexts.HandoffUnavailable), flow: run.Flow.Id, step: Id);
            run.Advance(Fallback);
            return StepOutcome.Continue;
        }
        var target = turn.Content.Bots[Target];
        var offered = turn.Handoffs.Offerable(target, Share);
        var purpose = Purpose is not null ? turn.Replies.Text(Purpose) : turn.Handoffs.TargetPurpose(target, offered);
        if (offered.Count == 0)
        {
            await turn.Handoffs.TransferAsync(run, target, [], purpose);
            return StepOutcome.Continue;
        }
        turn.State.PendingHandoff = new PendingHandoff { Target = target.Id, Offered = offered, Purpose = purpose };
        turn.Consent.Ask();
        return StepOutcome.Wait;
    }
}

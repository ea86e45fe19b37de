using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;

namespace AuroraBots.Dialogs.Steps;

/// <summary><c>set: {attr.x: value, var.y: "{attr.x}"}</c>: writes values (placeholders rendered); null removes.</summary>
public sealed class SetStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public IReadOnlyList<KeyValuePair<string, string?>> Assignments { get; } = [.. definition.Set ?? []];
    public override string Kind => StepKinds.Set;

    internal override Task<StepOutcome> RunAsync(StepRun run)
    {
        foreach (var (target, value) in Assignments)
            run.Turn.Assign(target, value is null ? null : run.Turn.Replies.Render(value), AttributeSources.SetByBot);
        run.Advance();
        return Task.FromResult(StepOutcome.Continue);
    }
}

/// <summary><c>goto: step_id</c>.</summary>
public sealed class GotoStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public string Target { get; } = definition.Goto ?? "";
    public override string Kind => StepKinds.Goto;
    public override bool FallsThrough => false;
    public override IEnumerable<string> Jumps => [Target];

    internal override Task<StepOutcome> RunAsync(StepRun run)
    {
        run.Advance(Target);
        return Task.FromResult(StepOutcome.Continue);
    }
}

/// <summary><c>call: flow_id</c>: runs the flow on top; this flow goes on after it.</summary>
public sealed class CallStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public string Flow { get; } = definition.Call ?? "";
    public override string Kind => StepKinds.Call;

    internal override Task<StepOutcome> RunAsync(StepRun run)
    {
        run.Advance();
        run.Turn.Push(Flow);
        return Task.FromResult(StepOutcome.Continue);
    }
}

/// <summary><c>end: flow</c> or <c>end: conversation</c>.</summary>
public sealed class EndStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public const string Flow = "flow", Conversation = "conversation";
    public string Scope { get; } = definition.End ?? Flow;
    public override string Kind => StepKinds.End;
    public override bool FallsThrough => false;

    internal override Task<StepOutcome> RunAsync(StepRun run)
    {
        if (Scope == Conversation) run.Turn.EndConversation();
        else run.Turn.Pop();
        return Task.FromResult(StepOutcome.Continue);
    }
}

/// <summary><c>do: cancel | restart | forget_me | hand_back | live_chat</c> (live_chat: a person of the organisation, LiveChat/).</summary>
public sealed class DoStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public const string Cancel = "cancel", Restart = "restart", ForgetMe = "forget_me", HandBack = "hand_back", LiveChat = "live_chat";
    public static readonly IReadOnlySet<string> Commands = new HashSet<string> { Cancel, Restart, ForgetMe, HandBack, LiveChat };

    public string Command { get; } = definition.Do ?? "";
    public override string Kind => StepKinds.Do;
    public override bool FallsThrough => Command == HandBack;

    internal override async Task<StepOutcome> RunAsync(StepRun run)
    {
        var turn = run.Turn;
        switch (Command)
        {
            case Cancel:
                turn.Bot.Stack.Clear();
                break;
            case Restart:
                turn.Bot.Stack.Clear();
                turn.Bot.Variables.Clear();
                turn.Push(turn.ActiveBot.Manifest.Entry ?? "");
                break;
            case ForgetMe:
                await new Engine.LiveChatHook(turn).ForgetAsync();
                turn.ForgetEverything();
                break;
            case HandBack:
                run.Advance();
                turn.Handoffs.HandBack();
                break;
            case LiveChat:
                run.Advance();
                await new Engine.LiveChatHook(turn).StartAsync();
                break;
        }
        return StepOutcome.Continue;
    }
}

/// <summary>A step with no kind or several (the validator reports it; invalid content is never served).</summary>
public sealed class InvalidStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public override string Kind => "";

    internal override Task<StepOutcome> RunAsync(StepRun run) =>
        throw new InvalidOperationException($"{run.Flow.File}: step {Id} has no single kind");
}

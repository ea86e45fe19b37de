using AuroraBots.Dialogs.Steps;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>The small runtime: runs the active bot's top frame step by step until a step waits or the stack is empty.</summary>
internal sealed class FlowRunner(DialogTurn turn)
{
    private int _steps;

    public async Task RunAsync()
    {
        while (turn.Top is { } frame)
        {
            if (++_steps > turn.Services.Options.MaxStepsPerTurn)
            {
                turn.Services.Logger.LogError("Bot {Bot} flow {Flow} ran {Steps} steps without waiting; stopping it", turn.ActiveBotId, frame.Flow, _steps);
                turn.Bot.Stack.Clear();
                turn.Replies.Say(turn.Replies.SharedText(EngineTexts.Error));
                return;
            }
            if (Current() is not { } run)
            {
                turn.Pop();
                continue;
            }
            if (frame.Waiting) return;
            if (await run.Step.RunAsync(run) == StepOutcome.Wait) return;
        }
    }

    /// <summary>The step the top frame is at; null when its flow is gone or has ended.</summary>
    public StepRun? Current() =>
        turn.Top is { } frame && turn.Content.FindFlow(turn.ActiveBotId, frame.Flow) is { } flow && frame.StepId is { } id && flow.Find(id) is { } step
            ? new StepRun(turn, frame, flow, step)
            : null;
}

using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Steps;

namespace AuroraBots.Dialogs.Engine;

/// <summary>A step running in a frame of the active bot's stack.</summary>
internal sealed record StepRun(DialogTurn Turn, DialogFrame Frame, FlowContent Flow, Step Step)
{
    /// <summary>Moves to <paramref name="target"/> (a step id), else the step's <c>next</c>, else the following step.</summary>
    public void Advance(string? target = null)
    {
        Frame.Waiting = false;
        Frame.Retries = 0;
        var id = target ?? Step.Next;
        Frame.MoveTo(Flow, id is not null && Flow.Find(id) is { } jump ? jump : Flow.After(Step));
    }
}

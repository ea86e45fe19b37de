using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// Brings saved positions up to date with the content being served. A frame stores flow id + step id + the
/// flow's content version; after a publish the user continues at the same step if it still exists. If it is gone
/// the flow restarts from its first step (the turn apologises when it is the step the user is at). Frames saved
/// before step ids (an index) are migrated to the id of the step now at that index.
/// </summary>
internal sealed class StackRepair(DialogTurn turn)
{
    /// <summary>True when the active bot's current flow had to restart.</summary>
    public bool Repair()
    {
        var restartedActive = false;
        foreach (var (botId, bot) in turn.State.Bots)
        {
            bot.Stack.RemoveAll(f => turn.Content.FindFlow(botId, f.Flow) is null);
            foreach (var frame in bot.Stack)
            {
                if (turn.Content.FindFlow(botId, frame.Flow) is not { } flow || (frame.Version == flow.Version && frame.LegacyStep is null)) continue;
                if (!Relocate(frame, flow))
                {
                    frame.MoveTo(flow, flow.First);
                    frame.Waiting = false;
                    frame.Retries = 0;
                    restartedActive |= botId == turn.State.ActiveBot && frame == bot.Stack[^1];
                }
                // A step id can be reused for a step that no longer asks: nothing waits there any more.
                if (frame.Waiting && (frame.StepId is not { } id || flow.Find(id) is not { Waits: true })) frame.Waiting = false;
                frame.Version = flow.Version;
            }
        }
        if (turn.State.PendingHandoff is { } pending && !turn.Content.Bots.ContainsKey(pending.Target)) turn.State.PendingHandoff = null;
        return restartedActive;
    }

    /// <summary>Finds the frame's step in the new version; false when it no longer exists.</summary>
    private static bool Relocate(DialogFrame frame, FlowContent flow)
    {
        if (frame.LegacyStep is { } index)
        {
            frame.LegacyStep = null;
            frame.StepId = index < flow.Steps.Count ? flow.Steps[index].Id : null;
            return index >= 0;
        }
        return frame.StepId is not { } id || flow.Find(id) is not null;
    }
}

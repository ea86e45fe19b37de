using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// A step of a compiled flow: immutable, typed, built once at load from its <see cref="StepDefinition"/>.
/// Each kind is a subclass that also knows how to run (like a Bot Framework dialog); the kinds are listed in
/// <see cref="StepKinds.All"/> only.
/// </summary>
public abstract class Step
{
    protected Step(StepDefinition definition, StepPosition position)
    {
        Id = position.Id;
        Index = position.Index;
        HasExplicitId = definition.Id is not null;
        Next = definition.Next;
    }

    /// <summary>Explicit (<c>id:</c>) or derived from the step's content (see <see cref="StepIds"/>); saved in state.</summary>
    public string Id { get; }
    public int Index { get; }
    public bool HasExplicitId { get; }
    /// <summary>The step id written in <c>next:</c>, if any.</summary>
    public string? Next { get; }

    public abstract string Kind { get; }

    /// <summary>Whether the user can be left waiting at this step (a prompt).</summary>
    public virtual bool Waits => false;

    /// <summary>Whether the flow may go on to the following step (or <see cref="Next"/>) after this one.</summary>
    public virtual bool FallsThrough => true;

    /// <summary>Other step ids this step may jump to (for validation and reachability).</summary>
    public virtual IEnumerable<string> Jumps => [];

    /// <summary>Runs the step; the run's frame moves on, or the step waits for the user.</summary>
    internal abstract Task<StepOutcome> RunAsync(StepRun run);
}

/// <summary>Where a step sits in its flow: its index and its (explicit or derived) id.</summary>
public readonly record struct StepPosition(int Index, string Id);

internal enum StepOutcome { Continue, Wait }

using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Conditions;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Steps;

/// <summary><c>branch: [{if: condition, next: step}]</c> + <c>else:</c>; conditions are parsed once, at load.</summary>
public sealed class BranchStep : Step
{
    public BranchStep(StepDefinition definition, StepPosition position) : base(definition, position)
    {
        Cases = [.. (definition.Branch ?? []).Select(c => new BranchCaseStep(Compile(c.If), c.Next ?? ""))];
        Else = definition.Else;
    }

    public IReadOnlyList<BranchCaseStep> Cases { get; }
    public string? Else { get; }
    public override string Kind => StepKinds.Branch;
    public override bool FallsThrough => Else is null;
    public override IEnumerable<string> Jumps => Cases.Select(c => c.Next).Concat(Else is null ? [] : [Else]);

    internal override Task<StepOutcome> RunAsync(StepRun run)
    {
        var taken = Cases.FirstOrDefault(c => c.When.IsTrue(run.Turn.Resolve));
        run.Advance(taken?.Next ?? Else);
        return Task.FromResult(StepOutcome.Continue);
    }

    /// <summary>A condition that does not parse never holds; the validator reports it, so valid content has none.</summary>
    private static Condition Compile(string? text)
    {
        try { return ConditionParser.Parse(text ?? ""); }
        catch (ConditionSyntaxException) { return Condition.Never; }
    }
}

public sealed record BranchCaseStep(Condition When, string Next);

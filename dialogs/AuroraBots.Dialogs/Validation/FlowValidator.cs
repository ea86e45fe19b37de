using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Steps;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Rules for a flow file: ids, every step, and that every step can be reached.</summary>
internal sealed class FlowValidator : AbstractValidator<FlowDocument>
{
    public FlowValidator(FlowContent flow, ValidationScope scope)
    {
        var reachable = FlowGraph.Reachable(flow);
        RuleFor(f => f.Id).Equal(flow.Id).When(f => f.Id is not null).Problem("flowIdFileName", (_, _) => [("expected", flow.Id)]);
        RuleFor(f => f.Steps).NotEmpty().Problem("flowSteps");
        RuleForEach(f => f.Steps).SetValidator(new StepValidator(flow, scope));
        RuleForEach(f => f.Steps).Custom((step, ctx) =>
        {
            var index = flow.Document.Steps.IndexOf(step);
            if (step.Id is { } id && flow.Find(id) is { } first && first.Index != index)
                ctx.AddFailure(ProblemRules.At(ctx.PropertyPath + ".id", "duplicateStepId", ("id", id), ("other", $"steps[{first.Index}]")));
        });
        RuleForEach(f => f.Steps).Custom((step, ctx) =>
        {
            var index = flow.Document.Steps.IndexOf(step);
            if (!reachable.Contains(index))
                ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "unreachable"));
        });
    }
}

/// <summary>Where each compiled step can lead, for the reachability check.</summary>
internal static class FlowGraph
{
    public static HashSet<int> Reachable(FlowContent flow)
    {
        var seen = new HashSet<int>();
        var pending = new Stack<Step>();
        if (flow.First is { } first) pending.Push(first);
        while (pending.TryPop(out var step))
        {
            if (!seen.Add(step.Index)) continue;
            foreach (var target in Successors(flow, step)) pending.Push(target);
        }
        return seen;
    }

    private static IEnumerable<Step> Successors(FlowContent flow, Step step)
    {
        var targets = step.Jumps.Select(flow.Find).ToList();
        if (step.FallsThrough) targets.Add(step.Next is { } next ? flow.Find(next) : flow.After(step));
        return targets.OfType<Step>();
    }
}

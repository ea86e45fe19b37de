using AuroraBots.Dialogs.Content;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Rules for a flow file: ids, every step, and that every step can be reached.</summary>
internal sealed class FlowValidator : AbstractValidator<FlowDocument>
{
    public FlowValidator(FlowContent flow, ValidationScope scope)
    {
        var reachable = FlowGraph.Reachable(flow);
        RuleFor(f => f.Id).Equal(flow.Id).When(f => f.Id is not null).WithMessage($"the id must equal the file name ('{flow.Id}')");
        RuleFor(f => f.Steps).NotEmpty().WithMessage("a flow needs at least one step");
        RuleForEach(f => f.Steps).SetValidator(new StepValidator(flow, scope));
        RuleForEach(f => f.Steps).Custom((step, ctx) =>
        {
            var index = flow.Document.Steps.IndexOf(step);
            if (step.Id is { } id && flow.StepIndex[id] != index)
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath + ".id", $"duplicate step id '{id}' (also steps[{flow.StepIndex[id]}])"));
        });
        RuleForEach(f => f.Steps).Custom((step, ctx) =>
        {
            var index = flow.Document.Steps.IndexOf(step);
            if (!reachable.Contains(index))
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, "unreachable step (nothing leads here)"));
        });
    }
}

/// <summary>Where each step can lead, for the reachability check.</summary>
internal static class FlowGraph
{
    public static HashSet<int> Reachable(FlowContent flow)
    {
        var seen = new HashSet<int>();
        var pending = new Stack<int>();
        if (flow.Steps.Count > 0) pending.Push(0);
        while (pending.TryPop(out var index))
        {
            if (index >= flow.Steps.Count || !seen.Add(index)) continue;
            foreach (var target in Successors(flow, index)) pending.Push(target);
        }
        return seen;
    }

    private static IEnumerable<int> Successors(FlowContent flow, int index)
    {
        var step = flow.Steps[index];
        int? Resolve(string? id) => id is null ? null : flow.IndexOf(id);
        var following = Resolve(step.Next) ?? index + 1;
        var targets = new List<int?>();
        switch (step.Kind)
        {
            case StepKinds.Goto: targets.Add(Resolve(step.Goto)); break;
            case StepKinds.End: break;
            case StepKinds.Do when step.Do is DoCommands.Cancel or DoCommands.Restart or DoCommands.ForgetMe: break;
            case StepKinds.Branch:
                targets.AddRange(step.Branch!.Select(c => Resolve(c.Next)));
                targets.Add(step.Else is null ? following : Resolve(step.Else));
                break;
            default:
                targets.Add(following);
                targets.Add(Resolve(step.Fallback));
                targets.Add(Resolve(step.Yes));
                targets.Add(Resolve(step.No));
                targets.AddRange(step.Choices?.Select(c => Resolve(c.Next)) ?? []);
                break;
        }
        return targets.Where(t => t is not null).Select(t => t!.Value);
    }
}

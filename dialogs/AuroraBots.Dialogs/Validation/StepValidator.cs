using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Prompts;
using AuroraBots.Dialogs.Steps;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Rules for one step; sees its flow so it can check jumps to other steps.</summary>
internal sealed class StepValidator : AbstractValidator<StepDefinition>
{
    private static readonly string KindList = string.Join(", ", StepKinds.All.Select(k => k.Key));

    public StepValidator(FlowContent flow, ValidationScope scope)
    {
        RuleFor(s => s).Custom((step, ctx) =>
        {
            var kinds = step.Kinds();
            if (kinds.Count == 0) ctx.AddFailure("", $"a step needs one of: {KindList}");
            else if (kinds.Count > 1) ctx.AddFailure("", $"a step has exactly one kind, found {string.Join(" and ", kinds.Select(k => k.Key))}");
            else
            {
                var allowed = kinds[0].AllKeys.ToHashSet();
                foreach (var key in StepKeys.Present(step).Where(k => !allowed.Contains(k)))
                    ctx.AddFailure(key, $"'{key}' does not belong to a {kinds[0].Key} step");
            }
        });

        RuleFor(s => s.Id).Must(TextRules.IsName!).When(s => s.Id is not null)
            .WithMessage("'{PropertyValue}' is not a valid id (lower-case letters, digits, _)");

        bool StepExists(string? id) => id is null || flow.HasExplicitId(id);
        const string UnknownStep = "unknown step '{PropertyValue}'";
        RuleFor(s => s.Next).Must(StepExists).WithMessage(UnknownStep);
        RuleFor(s => s.Goto).Must(StepExists).WithMessage(UnknownStep);
        RuleFor(s => s.Fallback).Must(StepExists).WithMessage(UnknownStep);
        RuleFor(s => s.Yes).Must(StepExists).WithMessage(UnknownStep);
        RuleFor(s => s.No).Must(StepExists).WithMessage(UnknownStep);
        RuleFor(s => s.Else).Must(StepExists).WithMessage(UnknownStep);

        RuleFor(s => s.Call).Must(f => f is null || scope.FlowExists(f)).WithMessage("unknown flow '{PropertyValue}'");
        RuleFor(s => s.Do).Must(d => d is null || DoStep.Commands.Contains(d))
            .WithMessage($"unknown command '{{PropertyValue}}' (use {string.Join(", ", DoStep.Commands)})");
        RuleFor(s => s.End).Must(e => e is null or "flow" or "conversation").WithMessage("use 'flow' or 'conversation'");

        // Texts.
        RuleFor(s => s.Say).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Text).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Invalid).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Low).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.High).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Purpose).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Layout).Must(l => l is null or "carousel" or "list").WithMessage("use 'carousel' or 'list'");
        RuleForEach(s => s.Cards).ChildRules(card =>
        {
            card.RuleFor(c => c.Title).NotNull().WithMessage("a card needs a title");
            card.RuleFor(c => c.Title).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            card.RuleFor(c => c.Subtitle).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            card.RuleFor(c => c.Text).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            card.RuleForEach(c => c.Buttons).ChildRules(button =>
            {
                button.RuleFor(b => b.Title).NotNull().WithMessage("a button needs a title");
                button.RuleFor(b => b.Title).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
                button.RuleFor(b => b).Must(b => new[] { b.Url, b.Tel, b.Postback }.Count(v => v is not null) == 1)
                    .OverridePropertyName("").WithMessage("a button needs exactly one of url, tel, postback");
                button.RuleFor(b => b.Url).Must(u => u is null || Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    .WithMessage("'{PropertyValue}' is not an http(s) address");
            });
        });
        RuleForEach(s => s.Suggestions).ChildRules(suggestion =>
        {
            suggestion.RuleFor(x => x.Label).NotNull().WithMessage("a suggestion needs a text");
            suggestion.RuleFor(x => x.Label).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        });

        // ask
        When(s => s.Ask is not null, () =>
        {
            RuleFor(s => s.Ask).Must(a => AskTypes.All.Contains(a!))
                .WithMessage($"unknown prompt type '{{PropertyValue}}' (use {string.Join(", ", AskTypes.All)})");
            RuleFor(s => s.Text).NotNull().WithMessage("a prompt needs a text");
            RuleFor(s => s.Save).Must(t => TextRules.CheckTarget(t!) is null).When(s => s.Save is not null)
                .WithMessage(s => TextRules.CheckTarget(s.Save!)!);
            RuleFor(s => s.MaxRetries).InclusiveBetween(0, 10);
            RuleFor(s => s.Max).GreaterThanOrEqualTo(s => s.Min ?? double.MinValue).When(s => s.Max is not null && s.Min is not null)
                .WithMessage("max must not be below min");
            RuleFor(s => s.Choices).NotEmpty().When(s => s.Ask == AskTypes.Choice).WithMessage("a choice prompt needs choices");
            RuleFor(s => s.Choices).Must(c => c is null).When(s => s.Ask != AskTypes.Choice)
                .WithMessage("choices are only for 'ask: choice'");
            RuleFor(s => s.Choices).Must(c => c!.Select(x => x.Value).Distinct().Count() == c!.Count).When(s => s.Choices is not null)
                .WithMessage("duplicate choice values");
            RuleForEach(s => s.Choices).ChildRules(choice =>
            {
                choice.RuleFor(c => c.Value).NotEmpty().WithMessage("a choice needs a value");
                choice.RuleFor(c => c.Label).NotNull().WithMessage("a choice needs a label");
                choice.RuleFor(c => c.Label).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
                choice.RuleFor(c => c.Next).Must(StepExists).WithMessage(UnknownStep);
            });
        });

        // set
        RuleForEach(s => s.Set).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            if (TextRules.CheckTarget(pair.Key) is { } problem) ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, problem));
            TextRules.CheckPlaceholders(pair.Value, ctx.PropertyPath, ctx);
        });

        // branch
        RuleFor(s => s.Branch).NotEmpty().When(s => s.Branch is not null).WithMessage("a branch needs at least one case");
        RuleForEach(s => s.Branch).ChildRules(c =>
        {
            c.RuleFor(x => x.If).Must(t => TextRules.CheckCondition(t) is null).WithMessage(x => TextRules.CheckCondition(x.If)!);
            c.RuleFor(x => x.Next).NotEmpty().WithMessage("a case needs next").Must(StepExists).WithMessage(UnknownStep);
        });

        // action
        When(s => s.Action is not null, () =>
        {
            RuleFor(s => s.Action).Must(a => a!.Split('.') is [{ Length: > 0 }, { Length: > 0 }])
                .WithMessage("write plugin.function, e.g. datetime.today");
            RuleFor(s => s.Action).Must(a => scope.Actions!.Check(a!) is null)
                .When(s => scope.Actions is not null && s.Action!.Contains('.')
                    && !scope.Content.Shared.Manifest.OptionalPlugins.Contains(s.Action!.Split('.')[0]))
                .WithMessage(s => scope.Actions!.Check(s.Action!)!);
            RuleFor(s => s.Save).Must(t => t is null || t.StartsWith("var.", StringComparison.Ordinal) && TextRules.CheckTarget(t) is null)
                .WithMessage("an action result goes into a variable (var.<name>)");
        });
        RuleForEach(s => s.Args).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) => TextRules.CheckPlaceholders(pair.Value, ctx.PropertyPath, ctx));

        // recommend
        When(s => s.Recommend is not null, () =>
        {
            RuleFor(s => s.Recommend).Must(r => r is "life_situation" or "text").WithMessage("use 'life_situation' or 'text'");
            RuleForEach(s => s.Meters).Must(m => LifeSituationMeters.All.Contains(m))
                .WithMessage($"'{{PropertyValue}}' is not a 3X10D meter ({string.Join(", ", LifeSituationMeters.All)})");
            RuleFor(s => s.Limit).InclusiveBetween(1, 10);
            RuleFor(s => s.Query).Custom((q, ctx) => TextRules.CheckPlaceholders(q, ctx.PropertyPath, ctx));
            RuleFor(s => s.Save).Must(t => t is null || t.StartsWith("var.", StringComparison.Ordinal) && TextRules.CheckTarget(t) is null)
                .WithMessage("the recommendation id goes into a variable (var.<name>)");
            RuleForEach(s => s.Filters!.TargetGroups).Must(g => g is "KR1" or "KR2" or "KR3").When(s => s.Filters?.TargetGroups is not null)
                .OverridePropertyName("filters.target_groups").WithMessage("'{PropertyValue}' is not a filterable target group (KR1, KR2, KR3)");
        });

        // handoff
        When(s => s.Handoff is not null, () =>
        {
            RuleFor(s => s.Handoff).Must(t => t == "back" || scope.Content.Bots.ContainsKey(t!))
                .WithMessage("unknown bot '{PropertyValue}'");
            RuleFor(s => s.Handoff).Must(t => t != scope.Bot?.Id).WithMessage("a bot cannot hand off to itself");
            RuleForEach(s => s.Share).Must(AttributeSchema.IsAttributeOrGroup).WithMessage("'{PropertyValue}' is not an AuroraAI attribute");
        });
    }
}

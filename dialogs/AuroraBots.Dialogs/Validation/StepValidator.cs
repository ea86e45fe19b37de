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
            if (kinds.Count == 0) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "stepKindMissing", ("kinds", KindList)));
            else if (kinds.Count > 1) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "stepKindMany", ("kinds", string.Join(" + ", kinds.Select(k => k.Key)))));
            else
            {
                var allowed = kinds[0].AllKeys.ToHashSet();
                foreach (var key in StepKeys.Present(step).Where(k => !allowed.Contains(k)))
                    ctx.AddFailure(ProblemRules.At(ctx.PropertyPath + "." + key, "keyNotForKind", ("key", key), ("kind", kinds[0].Key)));
            }
        });

        RuleFor(s => s.Id).Must(TextRules.IsName!).When(s => s.Id is not null)
            .Problem("invalidId");

        bool StepExists(string? id) => id is null || flow.HasExplicitId(id);
        const string UnknownStep = "unknownStep";
        RuleFor(s => s.Next).Must(StepExists).Problem(UnknownStep);
        RuleFor(s => s.Goto).Must(StepExists).Problem(UnknownStep);
        RuleFor(s => s.Fallback).Must(StepExists).Problem(UnknownStep);
        RuleFor(s => s.Yes).Must(StepExists).Problem(UnknownStep);
        RuleFor(s => s.No).Must(StepExists).Problem(UnknownStep);
        RuleFor(s => s.Else).Must(StepExists).Problem(UnknownStep);

        RuleFor(s => s.Call).Must(f => f is null || scope.FlowExists(f)).Problem("unknownFlow");
        RuleFor(s => s.Do).Must(d => d is null || DoStep.Commands.Contains(d))
            .Problem("unknownCommand", (_, _) => [("commands", string.Join(", ", DoStep.Commands))]);
        RuleFor(s => s.End).Must(e => e is null or "flow" or "conversation").Problem("end");

        // Texts.
        RuleFor(s => s.Say).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Text).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Invalid).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Low).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.High).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Purpose).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(s => s.Layout).Must(l => l is null or "carousel" or "list").Problem("layout");
        RuleForEach(s => s.Cards).ChildRules(card =>
        {
            card.RuleFor(c => c.Title).NotNull().Problem("cardTitle");
            card.RuleFor(c => c.Title).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            card.RuleFor(c => c.Subtitle).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            card.RuleFor(c => c.Text).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            card.RuleForEach(c => c.Buttons).ChildRules(button =>
            {
                button.RuleFor(b => b.Title).NotNull().Problem("buttonTitle");
                button.RuleFor(b => b.Title).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
                button.RuleFor(b => b).Must(b => new[] { b.Url, b.Tel, b.Postback }.Count(v => v is not null) == 1)
                    .OverridePropertyName("").Problem("buttonTarget");
                button.RuleFor(b => b.Url).Must(u => u is null || Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    .Problem("notHttp");
            });
        });
        RuleForEach(s => s.Suggestions).ChildRules(suggestion =>
        {
            suggestion.RuleFor(x => x.Label).NotNull().Problem("suggestionText");
            suggestion.RuleFor(x => x.Label).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        });

        // ask
        When(s => s.Ask is not null, () =>
        {
            RuleFor(s => s.Ask).Must(a => AskTypes.All.Contains(a!))
                .Problem("unknownPromptType", (_, _) => [("types", string.Join(", ", AskTypes.All))]);
            RuleFor(s => s.Text).NotNull().Problem("promptText");
            RuleFor(s => s.Save).Custom((t, ctx) =>
            {
                if (t is not null && TextRules.CheckTarget(t) is { } problem) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, problem));
            });
            RuleFor(s => s.MaxRetries).InclusiveBetween(0, 10).Problem("maxRetries", (_, _) => [("from", 0), ("to", 10)]);
            RuleFor(s => s.Max).GreaterThanOrEqualTo(s => s.Min ?? double.MinValue).When(s => s.Max is not null && s.Min is not null)
                .Problem("maxBelowMin");
            RuleFor(s => s.Choices).NotEmpty().When(s => s.Ask == AskTypes.Choice).Problem("choices");
            RuleFor(s => s.Choices).Must(c => c is null).When(s => s.Ask != AskTypes.Choice)
                .Problem("choicesOnlyForChoice");
            RuleFor(s => s.Choices).Must(c => c!.Select(x => x.Value).Distinct().Count() == c!.Count).When(s => s.Choices is not null)
                .Problem("duplicateChoices");
            RuleForEach(s => s.Choices).ChildRules(choice =>
            {
                choice.RuleFor(c => c.Value).NotEmpty().Problem("choiceValue");
                choice.RuleFor(c => c.Label).NotNull().Problem("choiceLabel");
                choice.RuleFor(c => c.Label).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
                choice.RuleFor(c => c.Next).Must(StepExists).Problem(UnknownStep);
            });
        });

        // set
        RuleForEach(s => s.Set).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            if (TextRules.CheckTarget(pair.Key) is { } problem) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, problem));
            TextRules.CheckPlaceholders(pair.Value, ctx.PropertyPath, ctx);
        });

        // branch
        RuleFor(s => s.Branch).NotEmpty().When(s => s.Branch is not null).Problem("branchCase");
        RuleForEach(s => s.Branch).ChildRules(c =>
        {
            c.RuleFor(x => x.If).Custom((t, ctx) => { if (TextRules.CheckCondition(t) is { } problem) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, problem)); });
            c.RuleFor(x => x.Next).NotEmpty().Problem("caseNext").Must(StepExists).Problem(UnknownStep);
        });

        // action
        When(s => s.Action is not null, () =>
        {
            RuleFor(s => s.Action).Must(a => a!.Split('.') is [{ Length: > 0 }, { Length: > 0 }])
                .Problem("actionFormat");
            RuleFor(s => s.Action).Custom((a, ctx) =>
            {
                if (scope.Actions is not null && a!.Contains('.') && !scope.Content.Shared.Manifest.OptionalPlugins.Contains(a.Split('.')[0])
                    && scope.Actions.Check(a) is { } problem)
                    ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, problem));
            });
            RuleFor(s => s.Save).Must(t => t is null || t.StartsWith("var.", StringComparison.Ordinal) && TextRules.CheckTarget(t) is null)
                .Problem("actionSave");
        });
        RuleForEach(s => s.Args).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) => TextRules.CheckPlaceholders(pair.Value, ctx.PropertyPath, ctx));

        // recommend
        When(s => s.Recommend is not null, () =>
        {
            RuleFor(s => s.Recommend).Must(r => r is "life_situation" or "text").Problem("recommendKind");
            RuleForEach(s => s.Meters).Must(m => LifeSituationMeters.All.Contains(m))
                .Problem("unknownMeter", (_, _) => [("meters", string.Join(", ", LifeSituationMeters.All))]);
            RuleFor(s => s.Limit).InclusiveBetween(1, 10).Problem("recommendLimit", (_, _) => [("from", 1), ("to", 10)]);
            RuleFor(s => s.Query).Custom((q, ctx) => TextRules.CheckPlaceholders(q, ctx.PropertyPath, ctx));
            RuleFor(s => s.Save).Must(t => t is null || t.StartsWith("var.", StringComparison.Ordinal) && TextRules.CheckTarget(t) is null)
                .Problem("recommendSave");
            RuleForEach(s => s.Filters!.TargetGroups).Must(g => g is "KR1" or "KR2" or "KR3").When(s => s.Filters?.TargetGroups is not null)
                .OverridePropertyName("filters.target_groups").Problem("targetGroup");
        });

        // handoff
        When(s => s.Handoff is not null, () =>
        {
            RuleFor(s => s.Handoff).Must(t => t == "back" || scope.Content.Bots.ContainsKey(t!))
                .Problem("unknownBot");
            RuleFor(s => s.Handoff).Must(t => t != scope.Bot?.Id).Problem("handoffSelf");
            RuleForEach(s => s.Share).Must(AttributeSchema.IsAttributeOrGroup).Problem("notAttribute");
        });
    }
}

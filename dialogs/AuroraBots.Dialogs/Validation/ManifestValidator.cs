using AuroraBots.Dialogs.Content;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Rules for <c>bot.yaml</c>.</summary>
internal sealed class ManifestValidator : AbstractValidator<BotManifest>
{
    public ManifestValidator(BotContent bot, ValidationScope scope)
    {
        RuleFor(m => m.Id).NotEmpty().Problem("botId")
            .Equal(bot.Id).Problem("botIdFolder", (_, _) => [("expected", bot.Id)]);
        RuleFor(m => m.Name).NotNull().Problem("botName");
        RuleFor(m => m.Organisation).NotNull().Problem("botOrganisation");
        RuleFor(m => m.Description).NotNull().Problem("botDescription");
        RuleFor(m => m.Name).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(m => m.Organisation).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(m => m.Description).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(m => m.Languages).NotEmpty().Problem("botLanguages");
        RuleForEach(m => m.Languages).Must(scope.Platform.IsSupported).Problem("unknownLanguage", (_, _) => [("languages", scope.PlatformList)]);
        RuleFor(m => m.Languages).Must(l => l.Distinct().Count() == l.Count).Problem("duplicateLanguages");
        RuleFor(m => m.DefaultLanguage).Must((m, l) => l is null || m.Languages.Contains(l))
            .Problem("defaultLanguage");
        RuleFor(m => m.ServiceChannelId).Must(id => id is null || Guid.TryParse(id, out _)).Problem("notUuid");

        RuleFor(m => m.Entry).NotEmpty().Problem("entryFlow")
            .Must(f => scope.FlowExists(f!)).When(m => !string.IsNullOrEmpty(m.Entry)).Problem("unknownFlow");
        RuleForEach(m => m.Flows).Must(f => bot.Flows.ContainsKey(f)).Problem("unknownFlowFile");
        RuleFor(m => m.Flows).Must(f => f.Distinct().Count() == f.Count).Problem("duplicateFlows");
        RuleFor(m => m.Flows).Custom((listed, ctx) =>
        {
            foreach (var file in bot.Flows.Keys.Where(f => !listed.Contains(f)).Order(StringComparer.Ordinal))
                ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "flowNotListed", ("file", file)));
        });

        RuleForEach(m => m.Receives).ChildRules(r =>
        {
            r.RuleFor(x => x.Attribute).NotEmpty().Problem("receivesAttribute")
                .Must(a => AttributeSchema.IsAttributeOrGroup(a!)).When(x => !string.IsNullOrEmpty(x.Attribute))
                .Problem("notAttribute");
            r.RuleFor(x => x.Purpose).NotNull().Problem("receivesPurpose");
            r.RuleFor(x => x.Purpose).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        });
        RuleFor(m => m.Receives).Must(r => r.Select(x => x.Attribute).Distinct().Count() == r.Count).Problem("duplicateAttributes");
        RuleForEach(m => m.Recognise).Must(a => a is AttributeSchema.Age or AttributeSchema.MunicipalityCode)
            .Problem("recognise");

        RuleForEach(m => m.Intents).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            var (intent, route) = pair;
            var path = ctx.PropertyPath;
            if (!TextRules.IsName(intent)) ctx.AddFailure(ProblemRules.At(path, "invalidIntent", ("value", intent)));
            if (scope.Content.Shared.Manifest.Intents.ContainsKey(intent))
                ctx.AddFailure(ProblemRules.At(path, "sharedIntent", ("value", intent)));
            if (string.IsNullOrEmpty(route.Flow)) ctx.AddFailure(ProblemRules.At(path + ".flow", "intentFlow"));
            else if (!scope.FlowExists(route.Flow)) ctx.AddFailure(ProblemRules.At(path + ".flow", "unknownFlow", ("value", route.Flow)));
            if (route.Label is null) ctx.AddFailure(ProblemRules.At(path + ".label", "intentLabel"));
            if (!bot.Intents.Intents.TryGetValue(intent, out var examples))
                ctx.AddFailure(ProblemRules.At(path, "intentExamples", ("value", intent)));
            else
                foreach (var language in scope.Languages.Where(l => !examples.TryGetValue(l, out var list) || list.Count == 0))
                    ctx.AddFailure(ProblemRules.At(path, "intentLanguageExamples", ("value", intent), ("language", language)));
        });
        RuleForEach(m => m.Intents).OverrideIndexer((_, _, pair, _) => "." + pair.Key + ".label").Custom((pair, ctx) => TextRules.CheckText(pair.Value.Label, ctx, scope));
        RuleFor(m => m.LiveChat!).SetValidator(new LiveChatValidator(scope)).When(m => m.LiveChat is not null);
    }
}

/// <summary>Rules for <c>_shared/shared.yaml</c>.</summary>
internal sealed class SharedManifestValidator : AbstractValidator<SharedManifest>
{
    public SharedManifestValidator(ValidationScope scope)
    {
        RuleForEach(m => m.Intents).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            var path = ctx.PropertyPath;
            if (string.IsNullOrEmpty(pair.Value.Flow)) ctx.AddFailure(ProblemRules.At(path + ".flow", "intentFlow"));
            else if (!scope.FlowExists(pair.Value.Flow)) ctx.AddFailure(ProblemRules.At(path + ".flow", "unknownFlow", ("value", pair.Value.Flow)));
            TextRules.CheckText(pair.Value.Label, ctx, scope);
        });
    }
}

/// <summary>Rules for <c>texts.yaml</c>.</summary>
internal sealed class TextsValidator : AbstractValidator<TextsDocument>
{
    public TextsValidator(ValidationScope scope)
    {
        RuleForEach(t => t.Texts).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            if (pair.Value.Reference is not null) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "textReference"));
            else TextRules.CheckText(pair.Value, ctx, scope);
        });
    }
}

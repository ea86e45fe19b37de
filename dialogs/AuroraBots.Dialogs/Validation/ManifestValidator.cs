using AuroraBots.Dialogs.Content;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Rules for <c>bot.yaml</c>.</summary>
internal sealed class ManifestValidator : AbstractValidator<BotManifest>
{
    public ManifestValidator(BotContent bot, ValidationScope scope)
    {
        RuleFor(m => m.Id).NotEmpty().WithMessage("the bot needs an id")
            .Equal(bot.Id).WithMessage($"the id must equal the folder name ('{bot.Id}')");
        RuleFor(m => m.Name).NotNull().WithMessage("the bot needs a name");
        RuleFor(m => m.Organisation).NotNull().WithMessage("the bot needs an organisation");
        RuleFor(m => m.Description).NotNull().WithMessage("the bot needs a description");
        RuleFor(m => m.Name).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(m => m.Organisation).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(m => m.Description).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(m => m.Languages).NotEmpty().WithMessage("list the bot's languages (fi, sv, en)");
        RuleForEach(m => m.Languages).Must(scope.Platform.IsSupported).WithMessage($"unknown language '{{PropertyValue}}' (use {scope.PlatformList})");
        RuleFor(m => m.Languages).Must(l => l.Distinct().Count() == l.Count).WithMessage("duplicate languages");
        RuleFor(m => m.DefaultLanguage).Must((m, l) => l is null || m.Languages.Contains(l))
            .WithMessage("the default language must be one of the bot's languages");
        RuleFor(m => m.ServiceChannelId).Must(id => id is null || Guid.TryParse(id, out _)).WithMessage("'{PropertyValue}' is not a uuid");

        RuleFor(m => m.Entry).NotEmpty().WithMessage("name the entry flow (entry: main)")
            .Must(f => scope.FlowExists(f!)).When(m => !string.IsNullOrEmpty(m.Entry)).WithMessage("unknown flow '{PropertyValue}'");
        RuleForEach(m => m.Flows).Must(f => bot.Flows.ContainsKey(f)).WithMessage("unknown flow '{PropertyValue}' (no such file)");
        RuleFor(m => m.Flows).Must(f => f.Distinct().Count() == f.Count).WithMessage("duplicate flow ids");
        RuleFor(m => m.Flows).Custom((listed, ctx) =>
        {
            foreach (var file in bot.Flows.Keys.Where(f => !listed.Contains(f)).Order(StringComparer.Ordinal))
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, $"flow file '{file}.yaml' is not listed"));
        });

        RuleForEach(m => m.Receives).ChildRules(r =>
        {
            r.RuleFor(x => x.Attribute).NotEmpty().WithMessage("name the attribute")
                .Must(a => AttributeSchema.IsAttributeOrGroup(a!)).When(x => !string.IsNullOrEmpty(x.Attribute))
                .WithMessage("'{PropertyValue}' is not an AuroraAI attribute");
            r.RuleFor(x => x.Purpose).NotNull().WithMessage("say why the bot needs it (purpose)");
            r.RuleFor(x => x.Purpose).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        });
        RuleFor(m => m.Receives).Must(r => r.Select(x => x.Attribute).Distinct().Count() == r.Count).WithMessage("duplicate attributes");
        RuleForEach(m => m.Recognise).Must(a => a is AttributeSchema.Age or AttributeSchema.MunicipalityCode)
            .WithMessage("only age and municipality_code can be recognised from messages");

        RuleForEach(m => m.Intents).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            var (intent, route) = pair;
            var path = ctx.PropertyPath;
            if (!TextRules.IsName(intent)) ctx.AddFailure(new ValidationFailure(path, $"'{intent}' is not a valid intent name"));
            if (scope.Content.Shared.Manifest.Intents.ContainsKey(intent))
                ctx.AddFailure(new ValidationFailure(path, $"duplicate intent '{intent}': it is a shared intent (_shared/shared.yaml)"));
            if (string.IsNullOrEmpty(route.Flow)) ctx.AddFailure(new ValidationFailure(path + ".flow", "name the flow this intent starts"));
            else if (!scope.FlowExists(route.Flow)) ctx.AddFailure(new ValidationFailure(path + ".flow", $"unknown flow '{route.Flow}'"));
            if (route.Label is null) ctx.AddFailure(new ValidationFailure(path + ".label", "an intent needs a label (shown in \"did you mean …?\")"));
            if (!bot.Intents.Intents.TryGetValue(intent, out var examples))
                ctx.AddFailure(new ValidationFailure(path, $"no examples for '{intent}' in intents.yaml"));
            else
                foreach (var language in scope.Languages.Where(l => !examples.TryGetValue(l, out var list) || list.Count == 0))
                    ctx.AddFailure(new ValidationFailure(path, $"no {language} examples for '{intent}' in intents.yaml"));
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
            if (string.IsNullOrEmpty(pair.Value.Flow)) ctx.AddFailure(new ValidationFailure(path + ".flow", "name the flow this intent starts"));
            else if (!scope.FlowExists(pair.Value.Flow)) ctx.AddFailure(new ValidationFailure(path + ".flow", $"unknown flow '{pair.Value.Flow}'"));
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
            if (pair.Value.Reference is not null) ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, "a text in texts.yaml cannot refer to another text"));
            else TextRules.CheckText(pair.Value, ctx, scope);
        });
    }
}

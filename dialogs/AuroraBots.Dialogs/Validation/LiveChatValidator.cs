using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.LiveChat;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Rules for <c>live_chat:</c> in <c>bot.yaml</c>: time zone, hours, holidays, contact details, canned answers.</summary>
internal sealed class LiveChatValidator : AbstractValidator<LiveChatDefinition>
{
    public LiveChatValidator(ValidationScope scope)
    {
        RuleFor(l => l).Custom((definition, ctx) =>
        {
            BusinessHours.Parse(definition, out var problems);
            foreach (var (path, problem) in problems) ctx.AddFailure(ProblemRules.At(path, problem));
        });
        RuleFor(l => l.Contact!).ChildRules(c =>
        {
            c.RuleFor(x => x.Phone).Must(IsPhone!).When(x => x.Phone is not null)
                .Problem("notPhone");
            c.RuleFor(x => x.Web).Must(IsHttps!).When(x => x.Web is not null).Problem("notHttps");
            c.RuleFor(x => x).Must(x => x.Phone is not null || x.Web is not null).Problem("contactMissing");
            c.RuleFor(x => x.Hours).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        }).When(l => l.Contact is not null);
        RuleForEach(l => l.Canned).OverrideIndexer((_, _, pair, _) => "." + pair.Key).Custom((pair, ctx) =>
        {
            if (!TextRules.IsName(pair.Key)) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "invalidName", ("value", pair.Key)));
            if (pair.Value is null) ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "cannedText"));
            else TextRules.CheckText(pair.Value, ctx, scope);
        });
    }

    private static bool IsPhone(string phone) =>
        phone.Length is >= 3 and <= 30 && phone.TrimStart('+').All(c => char.IsAsciiDigit(c) || c == ' ' || c == '-') && phone.Count(char.IsAsciiDigit) >= 3;

    private static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}

using System.Globalization;
using System.Text.RegularExpressions;
using AuroraBots.Dialogs.Content;
using AuroraBots.Nlu.Safety;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>
/// Rules for <c>_shared/crisis.yaml</c>. A citizen in crisis must get a reply with real contacts in their language,
/// so every category needs an intro and at least one contact in every language, and every number must be dialable.
/// </summary>
internal sealed partial class CrisisValidator : AbstractValidator<CrisisDocument>
{
    public CrisisValidator(ValidationScope scope, TimeProvider time)
    {
        RuleFor(d => d.CheckedOn).Custom((date, ctx) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var checkedOn))
                ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "checkedOn"));
            else if (checkedOn > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(1)))
                ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "checkedOnFuture", ("value", date)));
        });
        RuleFor(d => d.Intro.SelfHarm).NotNull().Problem("crisisIntro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Intro.Violence).NotNull().Problem("crisisIntro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Intro.SexualAbuse).NotNull().Problem("crisisIntro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Intro.Emergency).NotNull().Problem("crisisIntro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Closing).Custom((text, ctx) => TextRules.CheckText(text, ctx, scope));

        RuleFor(d => d.Contacts).NotEmpty().Problem("crisisContacts");
        RuleFor(d => d.Contacts).Custom((contacts, ctx) =>
        {
            foreach (var id in contacts.Where(c => c.Id is not null).GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key))
                ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "duplicateContact", ("value", id)));
            foreach (var category in SafetyCategories.All)
                foreach (var language in scope.Platform.Supported)
                    if (!contacts.Any(c => c.Categories.Contains(category) && (c.Languages.Count == 0 || c.Languages.Contains(language))))
                        ctx.AddFailure(ProblemRules.At(ctx.PropertyPath, "noCrisisContact", ("category", category), ("language", language)));
        });
        RuleForEach(d => d.Contacts).ChildRules(c =>
        {
            c.RuleFor(x => x.Id).Must(TextRules.IsName).Problem("contactId");
            c.RuleFor(x => x.Name).NotNull().Problem("contactName")
                .Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            c.RuleFor(x => x.Hours).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            c.RuleFor(x => x).Must(x => x.Phone is not null || x.Url is not null).Problem("contactPhoneOrUrl")
                .OverridePropertyName("phone");
            c.RuleFor(x => x.Phone).Must(p => PhoneNumber().IsMatch(p!)).When(x => x.Phone is not null)
                .Problem("crisisPhone");
            c.RuleFor(x => x.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
                .When(x => x.Url is not null).Problem("notHttps");
            c.RuleFor(x => x.Categories).NotEmpty().Problem("contactCategories", (_, _) => [("categories", string.Join(", ", SafetyCategories.All))]);
            c.RuleForEach(x => x.Categories).Must(SafetyCategories.All.Contains)
                .Problem("unknownCategory", (_, _) => [("categories", string.Join(", ", SafetyCategories.All))]);
            c.RuleForEach(x => x.Languages).Must(scope.Platform.IsSupported).Problem("unknownLanguage", (_, _) => [("languages", scope.PlatformList)]);
        });
    }

    [GeneratedRegex(@"^\+?[0-9]( ?[0-9]){2,14}$")]
    private static partial Regex PhoneNumber();
}

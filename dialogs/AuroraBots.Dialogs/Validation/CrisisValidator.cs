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
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, "give the date the contacts were last checked (checked_on: YYYY-MM-DD)"));
            else if (checkedOn > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(1)))
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, $"{date} is in the future"));
        });
        RuleFor(d => d.Intro.SelfHarm).NotNull().WithMessage("missing intro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Intro.Violence).NotNull().WithMessage("missing intro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Intro.SexualAbuse).NotNull().WithMessage("missing intro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Intro.Emergency).NotNull().WithMessage("missing intro").Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
        RuleFor(d => d.Closing).Custom((text, ctx) => TextRules.CheckText(text, ctx, scope));

        RuleFor(d => d.Contacts).NotEmpty().WithMessage("list at least one contact");
        RuleFor(d => d.Contacts).Custom((contacts, ctx) =>
        {
            foreach (var id in contacts.Where(c => c.Id is not null).GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key))
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, $"duplicate contact id '{id}'"));
            foreach (var category in SafetyCategories.All)
                foreach (var language in scope.Platform.Supported)
                    if (!contacts.Any(c => c.Categories.Contains(category) && (c.Languages.Count == 0 || c.Languages.Contains(language))))
                        ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, $"no contact for {category} in {language}"));
        });
        RuleForEach(d => d.Contacts).ChildRules(c =>
        {
            c.RuleFor(x => x.Id).Must(TextRules.IsName).WithMessage("give the contact an id (lower case, digits, _)");
            c.RuleFor(x => x.Name).NotNull().WithMessage("give the contact a name")
                .Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            c.RuleFor(x => x.Hours).Custom((t, ctx) => TextRules.CheckText(t, ctx, scope));
            c.RuleFor(x => x).Must(x => x.Phone is not null || x.Url is not null).WithMessage("give a phone number or an url")
                .OverridePropertyName("phone");
            c.RuleFor(x => x.Phone).Must(p => PhoneNumber().IsMatch(p!)).When(x => x.Phone is not null)
                .WithMessage("'{PropertyValue}' is not a phone number (digits and spaces, e.g. \"09 2525 0111\" or \"+358 9 2525 0111\")");
            c.RuleFor(x => x.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
                .When(x => x.Url is not null).WithMessage("'{PropertyValue}' is not an https:// address");
            c.RuleFor(x => x.Categories).NotEmpty().WithMessage($"list the categories it is shown for ({string.Join(", ", SafetyCategories.All)})");
            c.RuleForEach(x => x.Categories).Must(SafetyCategories.All.Contains)
                .WithMessage($"unknown category '{{PropertyValue}}' (use {string.Join(", ", SafetyCategories.All)})");
            c.RuleForEach(x => x.Languages).Must(scope.Platform.IsSupported).WithMessage($"unknown language '{{PropertyValue}}' (use {scope.PlatformList})");
        });
    }

    [GeneratedRegex(@"^\+?[0-9]( ?[0-9]){2,14}$")]
    private static partial Regex PhoneNumber();
}

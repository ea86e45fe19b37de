using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;
using FluentValidation;

namespace AuroraBots.AuroraAI.Validation;

/// <summary>
/// Outgoing attributes checked against <c>attributes.schema.json</c> before they leave the platform: at least one
/// attribute; <c>age</c> 0–200; <c>municipality_code</c> one of the 309 codes; <c>life_situation_meters</c> with
/// at least one of the ten meters, each an array of integers 0–10.
/// </summary>
public sealed class SessionAttributesValidator : AbstractValidator<SessionAttributes>
{
    public SessionAttributesValidator()
    {
        RuleFor(a => a)
            .Must(a => a.Age is not null || a.MunicipalityCode is not null || a.LifeSituationMeters is not null)
            .WithName("session_attributes")
            .WithMessage("At least one attribute (age, municipality_code, life_situation_meters) is required.");
        RuleFor(a => a.Age).InclusiveBetween(0, 200).When(a => a.Age is not null).WithName("age");
        RuleFor(a => a.MunicipalityCode!)
            .Must(code => AuroraCodeLists.Default.MunicipalityNamesFi.ContainsKey(code))
            .When(a => a.MunicipalityCode is not null)
            .WithName("municipality_code")
            .WithMessage("'{PropertyValue}' is not one of the 309 municipality codes.");
        RuleFor(a => a.LifeSituationMeters!)
            .SetValidator(new LifeSituationMetersValidator())
            .When(a => a.LifeSituationMeters is not null)
            .OverridePropertyName("life_situation_meters");
    }
}

/// <summary>Meter keys from the ten 3X10D meters, at least one, each an array of integers 0–10.</summary>
public sealed class LifeSituationMetersValidator : AbstractValidator<Dictionary<string, List<int>>>
{
    public LifeSituationMetersValidator()
    {
        RuleFor(m => m.Count).GreaterThan(0).WithName("life_situation_meters").WithMessage("At least one meter is required.");
        RuleForEach(m => m)
            .OverrideIndexer((_, _, kv, _) => $"[{kv.Key}]")
            .Must(kv => LifeSituationMeters.All.Contains(kv.Key))
            .WithMessage((_, kv) => $"'{kv.Key}' is not a 3X10D meter.")
            .Must(kv => kv.Value is not null && kv.Value.All(v => v is >= 0 and <= 10))
            .WithMessage((_, kv) => $"Values of '{kv.Key}' must be integers 0–10.");
    }
}

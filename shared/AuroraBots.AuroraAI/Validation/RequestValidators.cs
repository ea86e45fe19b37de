using AuroraBots.AuroraAI.Models;
using FluentValidation;

namespace AuroraBots.AuroraAI.Validation;

/// <summary>Catches requests the network would refuse with 400 before they are sent.</summary>
public sealed class RecommendServiceRequestValidator : AbstractValidator<RecommendServiceRequest>
{
    public RecommendServiceRequestValidator()
    {
        RuleFor(r => r.LifeSituationMeters).SetValidator(new LifeSituationMetersValidator()).OverridePropertyName("life_situation_meters");
        RuleFor(r => r.Limit).InclusiveBetween(1, 50).When(r => r.Limit is not null).WithName("limit");
        RuleFor(r => r.ServiceFilters!).SetValidator(new ServiceFiltersValidator()).When(r => r.ServiceFilters is not null)
            .OverridePropertyName("service_filters");
    }
}

public sealed class TextSearchRequestValidator : AbstractValidator<TextSearchRequest>
{
    public TextSearchRequestValidator()
    {
        RuleFor(r => r.SearchText).NotEmpty().MaximumLength(1024).WithName("search_text");
        RuleFor(r => r.Limit).InclusiveBetween(1, 50).When(r => r.Limit is not null).WithName("limit");
        RuleFor(r => r.ServiceFilters!).SetValidator(new ServiceFiltersValidator()).When(r => r.ServiceFilters is not null)
            .OverridePropertyName("service_filters");
    }
}

/// <summary>Every filter list, when present, needs at least one item; only-national excludes area filters.</summary>
public sealed class ServiceFiltersValidator : AbstractValidator<ServiceFilters>
{
    public ServiceFiltersValidator()
    {
        RuleFor(f => f.MunicipalityCodes).Must(NotEmpty).WithName("municipality_codes").WithMessage(Empty);
        RuleFor(f => f.RegionCodes).Must(NotEmpty).WithName("region_codes").WithMessage(Empty);
        RuleFor(f => f.HospitalDistrictCodes).Must(NotEmpty).WithName("hospital_district_codes").WithMessage(Empty);
        RuleFor(f => f.WellbeingServiceCountyCodes).Must(NotEmpty).WithName("wellbeing_service_county_codes").WithMessage(Empty);
        RuleFor(f => f.ServiceClasses).Must(NotEmpty).WithName("service_classes").WithMessage(Empty);
        RuleFor(f => f.TargetGroups).Must(NotEmpty).WithName("target_groups").WithMessage(Empty);
        RuleFor(f => f.ServiceCollections).Must(NotEmpty).WithName("service_collections").WithMessage(Empty);
        RuleFor(f => f.FundingType).Must(NotEmpty).WithName("funding_type").WithMessage(Empty);
        RuleFor(f => f)
            .Must(f => f.OnlyNationalServices != true || (f.IncludeNationalServices is null && f.MunicipalityCodes is null
                && f.RegionCodes is null && f.HospitalDistrictCodes is null && f.WellbeingServiceCountyCodes is null))
            .WithName("only_national_services")
            .WithMessage("only_national_services cannot be combined with include_national_services or area filters.");
    }

    private const string Empty = "'{PropertyName}' needs at least one item when present.";

    private static bool NotEmpty<T>(List<T>? list) => list is null || list.Count > 0;
}

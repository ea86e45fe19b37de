using System.Text.Json.Serialization;

namespace AuroraBots.AuroraAI.Models;

/// <summary><c>POST recommend_service</c> body. Meter values are arrays of ints 0–10 (averaged by the network).</summary>
public sealed class RecommendServiceRequest
{
    [JsonPropertyName("life_situation_meters")]
    public Dictionary<string, List<int>> LifeSituationMeters { get; set; } = [];

    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("rerank")] public bool? Rerank { get; set; }
    [JsonPropertyName("session_id")] public string? SessionId { get; set; }
    [JsonPropertyName("service_filters")] public ServiceFilters? ServiceFilters { get; set; }
}

/// <summary><c>POST text_search</c> body.</summary>
public sealed class TextSearchRequest
{
    [JsonPropertyName("search_text")] public string SearchText { get; set; } = "";
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("rerank")] public bool? Rerank { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("service_filters")] public ServiceFilters? ServiceFilters { get; set; }
}

/// <summary>Filters: different filter types AND, values within one list OR. Lists, when present, need ≥ 1 item.</summary>
public sealed class ServiceFilters
{
    [JsonPropertyName("include_national_services")] public bool? IncludeNationalServices { get; set; }
    [JsonPropertyName("only_national_services")] public bool? OnlyNationalServices { get; set; }
    [JsonPropertyName("municipality_codes")] public List<string>? MunicipalityCodes { get; set; }
    [JsonPropertyName("region_codes")] public List<string>? RegionCodes { get; set; }
    [JsonPropertyName("hospital_district_codes")] public List<string>? HospitalDistrictCodes { get; set; }
    [JsonPropertyName("wellbeing_service_county_codes")] public List<string>? WellbeingServiceCountyCodes { get; set; }
    [JsonPropertyName("service_classes")] public List<string>? ServiceClasses { get; set; }
    [JsonPropertyName("target_groups")] public List<string>? TargetGroups { get; set; }
    [JsonPropertyName("service_collections")] public List<string>? ServiceCollections { get; set; }
    [JsonPropertyName("funding_type")] public List<string>? FundingType { get; set; }
}

/// <summary><c>POST recommendation_feedback</c> body.</summary>
public sealed class RecommendationFeedback
{
    [JsonPropertyName("auroraai_recommendation_id")] public long AuroraaiRecommendationId { get; set; }
    [JsonPropertyName("feedback_score")] public int? FeedbackScore { get; set; }
    [JsonPropertyName("service_feedbacks")] public List<ServiceFeedback>? ServiceFeedbacks { get; set; }
}

public sealed class ServiceFeedback
{
    [JsonPropertyName("service_id")] public string ServiceId { get; set; } = "";
    [JsonPropertyName("feedback_score")] public int FeedbackScore { get; set; }
}

/// <summary><c>POST session_attributes</c> body.</summary>
public sealed class SessionTransferRequest
{
    [JsonPropertyName("service_channel_id")] public string ServiceChannelId { get; set; } = "";
    [JsonPropertyName("service_id")] public string? ServiceId { get; set; }
    [JsonPropertyName("auroraai_recommendation_id")] public long? AuroraaiRecommendationId { get; set; }
    [JsonPropertyName("session_attributes")] public SessionAttributes SessionAttributes { get; set; } = new();
}

/// <summary>The transferable user attributes (<c>attributes.schema.json</c>): at least one must be set.</summary>
public sealed class SessionAttributes
{
    [JsonPropertyName("age")] public int? Age { get; set; }
    [JsonPropertyName("municipality_code")] public string? MunicipalityCode { get; set; }
    [JsonPropertyName("life_situation_meters")] public Dictionary<string, List<int>>? LifeSituationMeters { get; set; }
}

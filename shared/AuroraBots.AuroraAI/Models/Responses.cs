using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuroraBots.AuroraAI.Models;

/// <summary>Answer of <c>recommend_service</c> and <c>text_search</c>.</summary>
public sealed class RecommendationResponse
{
    [JsonPropertyName("auroraai_recommendation_id")] public long AuroraaiRecommendationId { get; set; }
    [JsonPropertyName("recommended_services")] public List<RecommendedService> RecommendedServices { get; set; } = [];
}

/// <summary>One recommended service; texts are Finnish PTV fields.</summary>
public sealed class RecommendedService
{
    [JsonPropertyName("service_id")] public string ServiceId { get; set; } = "";
    [JsonPropertyName("service_name")] public string ServiceName { get; set; } = "";
    [JsonPropertyName("service_description")] public string ServiceDescription { get; set; } = "";
    [JsonPropertyName("service_description_summary")] public string ServiceDescriptionSummary { get; set; } = "";
    [JsonPropertyName("user_instruction")] public string UserInstruction { get; set; } = "";
    [JsonPropertyName("charge_type")] public string ChargeType { get; set; } = "";
    [JsonPropertyName("charge_additional_info")] public string ChargeAdditionalInfo { get; set; } = "";
    [JsonPropertyName("requirements")] public List<string> Requirements { get; set; } = [];
    [JsonPropertyName("funding_type")] public string? FundingType { get; set; }
    [JsonPropertyName("area_type")] public string? AreaType { get; set; }
    [JsonPropertyName("areas")] public JsonElement? Areas { get; set; }
    [JsonPropertyName("responsible_organization")] public ResponsibleOrganization? ResponsibleOrganization { get; set; }
    [JsonPropertyName("target_groups")] public List<string> TargetGroups { get; set; } = [];
    [JsonPropertyName("service_collections")] public List<string> ServiceCollections { get; set; } = [];
    [JsonPropertyName("service_class_uris")] public List<string> ServiceClassUris { get; set; } = [];
    [JsonPropertyName("service_channels")] public List<ServiceChannel> ServiceChannels { get; set; } = [];
    [JsonPropertyName("similarity_score")] public double SimilarityScore { get; set; }
    [JsonPropertyName("rank")] public int Rank { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ResponsibleOrganization
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

/// <summary>A channel of a service: EChannel, WebPage, Phone, ServiceLocation or PrintableForm.</summary>
public sealed class ServiceChannel
{
    [JsonPropertyName("service_channel_id")] public string ServiceChannelId { get; set; } = "";
    [JsonPropertyName("service_channel_name")] public string ServiceChannelName { get; set; } = "";
    [JsonPropertyName("service_channel_type")] public string ServiceChannelType { get; set; } = "";
    [JsonPropertyName("service_channel_description_summary")] public string ServiceChannelDescriptionSummary { get; set; } = "";
    [JsonPropertyName("service_channel_description")] public string ServiceChannelDescription { get; set; } = "";
    [JsonPropertyName("phone_numbers")] public List<string> PhoneNumbers { get; set; } = [];
    [JsonPropertyName("emails")] public List<string> Emails { get; set; } = [];
    [JsonPropertyName("address")] public string Address { get; set; } = "";
    /// <summary>Either <c>""</c> or <c>{latitude, longitude}</c> strings (ETRS-TM35FIN).</summary>
    [JsonPropertyName("location")] public JsonElement? Location { get; set; }
    [JsonPropertyName("service_hours")] public List<string> ServiceHours { get; set; } = [];
    /// <summary>Tracking redirect links (<c>/redirect?…</c>), not the raw pages.</summary>
    [JsonPropertyName("web_pages")] public List<string> WebPages { get; set; } = [];
    [JsonPropertyName("session_transfer")] public bool SessionTransfer { get; set; }
}

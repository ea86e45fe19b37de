using System.Text.Json;
using System.Text.Json.Nodes;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Recommendation;

namespace AuroraBots.Network.Validation;

/// <summary>A session-transfer request after validation; attributes kept as JSON so only given keys travel.</summary>
public sealed record SessionTransferInput(string ServiceChannelId, string? ServiceId, long? RecommendationId, JsonObject Attributes);

/// <summary>A feedback request after validation.</summary>
public sealed record FeedbackInput(long RecommendationId, int? FeedbackScore, IReadOnlyList<(string ServiceId, int Score)> ServiceFeedbacks);

/// <summary>
/// The original's request schemas (<c>recommender_api/api_spec.py</c>) as code: each method returns the parsed
/// request, or null with the errors filled in. <see cref="ConflictMessage"/> carries the one non-dict 400 message
/// (<c>only_national_services selected. X not allowed.</c>).
/// </summary>
public sealed class RequestValidator(AuroraCodeLists codes)
{
    private const string LimitMessage = "Must be greater than or equal to 1 and less than or equal to 50.";
    private static readonly string[] Languages = ["en", "de", "fr", "et", "da", "no", "uk", "ru", "fi", "sv"];
    private static readonly string[] AreaFilters = ["include_national_services", "municipality_codes", "region_codes", "hospital_district_codes", "wellbeing_service_county_codes"];

    public string? ConflictMessage { get; private set; }

    public RecommendQuery? Recommend(JsonElement body, ValidationErrors errors)
    {
        var fields = new JsonFields(body, errors, "life_situation_meters", "limit", "rerank", "session_id", "service_filters");
        var meters = Meters(fields.Object("life_situation_meters", required: true), errors.Child("life_situation_meters"));
        var limit = fields.Integer("limit", 1, 50, rangeMessage: LimitMessage) ?? 5;
        var rerank = fields.Boolean("rerank") ?? false;
        var sessionId = fields.String("session_id");
        var filters = Filters(fields.Object("service_filters"), errors.Child("service_filters"));
        if (errors.HasErrors || ConflictMessage is not null || meters is null || filters is null) return null;
        return new RecommendQuery(meters, limit, rerank, sessionId, filters);
    }

    public TextSearchQuery? TextSearch(JsonElement body, ValidationErrors errors)
    {
        var fields = new JsonFields(body, errors, "search_text", "service_filters", "limit", "rerank", "language");
        var text = fields.String("search_text", 1, 1024, required: true);
        var limit = fields.Integer("limit", 1, 50, rangeMessage: LimitMessage) ?? 5;
        var rerank = fields.Boolean("rerank") ?? false;
        var language = fields.String("language");
        if (language is not null && !Languages.Contains(language))
            errors.Add("language", "Must be one of: " + string.Join(", ", Languages) + ".");
        var filters = Filters(fields.Object("service_filters"), errors.Child("service_filters"));
        if (errors.HasErrors || ConflictMessage is not null || text is null || filters is null) return null;
        return new TextSearchQuery(text, limit, rerank, language, filters);
    }

    public FeedbackInput? Feedback(JsonElement body, ValidationErrors errors)
    {
        var fields = new JsonFields(body, errors, "auroraai_recommendation_id", "feedback_score", "service_feedbacks");
        var id = fields.Long("auroraai_recommendation_id", required: true);
        var score = Score(fields, "feedback_score");
        var serviceFeedbacks = new List<(string, int)>();
        if (fields.Array("service_feedbacks") is { } items)
        {
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var itemErrors = errors.Child("service_feedbacks").Child(index++);
                if (item.ValueKind != JsonValueKind.Object) { itemErrors.Add("_schema", "Invalid input type."); continue; }
                var itemFields = new JsonFields(item, itemErrors, "service_id", "feedback_score");
                var serviceId = itemFields.Uuid("service_id", required: true);
                if (!itemFields.Has("feedback_score")) itemErrors.Add("feedback_score", JsonFields.Missing);
                var serviceScore = Score(itemFields, "feedback_score");
                if (serviceId is not null && serviceScore is not null) serviceFeedbacks.Add((serviceId, serviceScore.Value));
            }
        }
        if (errors.HasErrors || id is null) return null;
        return new FeedbackInput(id.Value, score, serviceFeedbacks);
    }

    public SessionTransferInput? SessionTransfer(JsonElement body, ValidationErrors errors)
    {
        var fields = new JsonFields(body, errors, "service_channel_id", "service_id", "auroraai_recommendation_id", "session_attributes");
        var channel = fields.Uuid("service_channel_id", required: true);
        var serviceId = fields.Uuid("service_id");
        var recommendationId = fields.Long("auroraai_recommendation_id", min: 0);
        if (fields.Has("auroraai_recommendation_id") && !fields.Has("service_id"))
            errors.Add("service_id", "service_id is required when auroraai_recommendation_id is given.");
        var attributes = Attributes(fields.Object("session_attributes", required: true), errors.Child("session_attributes"));
        if (errors.HasErrors || channel is null || attributes is null) return null;
        return new SessionTransferInput(channel, serviceId, recommendationId, attributes);
    }

    /// <summary><c>UserAttributeValues</c>: age 0–200, municipality_code (309 codes or 000), life_situation_meters; ≥ 1 field.</summary>
    public JsonObject? Attributes(JsonElement? element, ValidationErrors errors)
    {
        if (element is not { } obj) return null;
        var fields = new JsonFields(obj, errors, "age", "municipality_code", "life_situation_meters");
        var result = new JsonObject();
        if (fields.Integer("age", 0, 200) is { } age) result["age"] = age;
        if (fields.String("municipality_code") is { } code)
        {
            if (codes.IsValidMunicipalityCode(code)) result["municipality_code"] = code;
            else errors.Add("municipality_code", "Must be one of the municipality codes.");
        }
        if (Meters(fields.Object("life_situation_meters"), errors.Child("life_situation_meters")) is { } meters)
            result["life_situation_meters"] = new JsonObject(meters.Select(m =>
                KeyValuePair.Create(m.Key, (JsonNode?)new JsonArray(m.Value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()))));
        if (obj.EnumerateObject().Any() is false) errors.Add("_schema", "some field should be present");
        return errors.HasErrors ? null : result;
    }

    private static Dictionary<string, IReadOnlyList<int>>? Meters(JsonElement? element, ValidationErrors errors)
    {
        if (element is not { } obj) return null;
        var fields = new JsonFields(obj, errors, [.. LifeSituationMeters.All]);
        var meters = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var meter in LifeSituationMeters.All)
        {
            if (fields.Array(meter) is not { } values) continue;
            var list = new List<int>();
            var index = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (!JsonFields.TryStrictInt(value, out var number)) errors.Child(meter).Add(index, JsonFields.NotInteger);
                else if (number is < 0 or > 10) errors.Child(meter).Add(index, JsonFields.RangeMessage(0, 10));
                else list.Add((int)number);
                index++;
            }
            meters[meter] = list;
        }
        if (!obj.EnumerateObject().Any()) errors.Add("_schema", "some field should be present");
        return errors.HasErrors ? null : meters;
    }

    private ServiceFilterSpec? Filters(JsonElement? element, ValidationErrors errors)
    {
        if (element is not { } obj) return errors.HasErrors ? null : ServiceFilterSpec.None;
        var fields = new JsonFields(obj, errors,
            "include_national_services", "only_national_services", "municipality_codes", "region_codes", "hospital_district_codes",
            "wellbeing_service_county_codes", "service_classes", "target_groups", "service_collections", "funding_type", "rerank");
        var includeNational = fields.Boolean("include_national_services");
        var onlyNational = fields.Boolean("only_national_services") ?? false;
        fields.Boolean("rerank"); // accepted and ignored, like the original
        var municipalities = fields.StringList("municipality_codes", codes.IsValidMunicipalityCode, OneOf);
        var regions = fields.StringList("region_codes", codes.RegionCodes.Contains, OneOf);
        var hospitals = fields.StringList("hospital_district_codes", codes.HospitalDistrictCodes.Contains, OneOf);
        var counties = fields.StringList("wellbeing_service_county_codes", codes.WellbeingCountyCodes.Contains, OneOf);
        var classes = fields.StringList("service_classes", codes.ServiceClassesByUri.ContainsKey, OneOf);
        var groups = fields.StringList("target_groups", codes.FilterableTargetGroups.Contains, _ => "Must be one of: " + string.Join(", ", codes.FilterableTargetGroups.Order()) + ".");
        // The original checks collections against the live PTV API; offline we accept any canonical UUIDv4.
        var collections = fields.StringList("service_collections", Uuid4.IsCanonical, _ => "Invalid service collection IDs provided.");
        var funding = fields.StringList("funding_type", codes.FundingTypes.Contains, _ => "Must be one of: " + string.Join(", ", codes.FundingTypes.Order()) + ".");

        if (onlyNational && AreaFilters.FirstOrDefault(fields.Has) is { } conflicting)
            ConflictMessage = $"only_national_services selected. {conflicting} not allowed.";
        if (errors.HasErrors || ConflictMessage is not null) return null;

        HashSet<string>? area = municipalities;
        void Expand(HashSet<string>? selected, IReadOnlyDictionary<string, string[]> mapping)
        {
            if (selected is null) return;
            area ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in selected) area.UnionWith(mapping.GetValueOrDefault(code, []));
        }
        Expand(regions, codes.RegionMunicipalities);
        Expand(hospitals, codes.HospitalDistrictMunicipalities);
        Expand(counties, codes.WellbeingCountyMunicipalities);

        return new ServiceFilterSpec(includeNational ?? true, onlyNational, area, classes, groups, collections, funding);
    }

    private static int? Score(JsonFields fields, string name)
    {
        if (fields.Integer(name) is not { } score) return null;
        if (score is -1 or 1) return score;
        fields.Errors.Add(name, "Must be one of: -1, 1.");
        return null;
    }

    private static string OneOf(string value) => $"Must be one of the allowed codes (got '{value}').";
}

namespace AuroraBots.Network.Recommendation;

/// <summary>Validated <c>service_filters</c>, area codes already expanded to municipality codes.</summary>
public sealed record ServiceFilterSpec(
    bool IncludeNational,
    bool OnlyNational,
    IReadOnlySet<string>? MunicipalityCodes,
    IReadOnlySet<string>? ServiceClassUris,
    IReadOnlySet<string>? TargetGroups,
    IReadOnlySet<string>? ServiceCollections,
    IReadOnlySet<string>? FundingTypes)
{
    public static readonly ServiceFilterSpec None = new(true, false, null, null, null, null, null);
}

/// <summary>A validated <c>recommend_service</c> request.</summary>
public sealed record RecommendQuery(
    IReadOnlyDictionary<string, IReadOnlyList<int>> Meters, int Limit, bool Rerank, string? SessionId, ServiceFilterSpec Filters);

/// <summary>A validated <c>text_search</c> request.</summary>
public sealed record TextSearchQuery(string SearchText, int Limit, bool Rerank, string? Language, ServiceFilterSpec Filters);

/// <summary>Who is asking (from Basic auth): the original stores <c>provider.fi</c> and <c>name.fi</c>.</summary>
public sealed record CallerInfo(string ClientId, string CallingOrganisation, string CallingService);

/// <summary>One scored candidate before formatting.</summary>
public readonly record struct ScoredService(int Position, double Score);

using AuroraBots.Network.Catalogue;

namespace AuroraBots.Network.Recommendation;

/// <summary>
/// The original's SQL filters (<c>db.py:build_sql_filter_queries</c>): filter types AND, values within a type OR;
/// archived services never pass. Area: only-national keeps nationwide services; without municipality codes,
/// include-national=true means no area restriction at all and false means local services only; otherwise
/// (include-national AND national) OR the service's municipalities meet the requested ones. A service class
/// matches its own URI or its parent's, so <c>P5</c> selects every <c>P5.x</c>.
/// </summary>
public static class ServiceFilter
{
    public static bool Matches(CatalogueService service, ServiceFilterSpec filter)
    {
        if (service.Archived) return false;
        if (!MatchesArea(service, filter)) return false;
        if (filter.ServiceClassUris is { } classes && !service.ServiceClassUris.Any(uri => classes.Contains(uri) || classes.Contains(ParentOf(uri))))
            return false;
        if (filter.TargetGroups is { } groups && !service.TargetGroups.Any(groups.Contains)) return false;
        if (filter.ServiceCollections is { } collections && !service.ServiceCollections.Any(collections.Contains)) return false;
        if (filter.FundingTypes is { } funding && (service.FundingType is null || !funding.Contains(service.FundingType))) return false;
        return true;
    }

    private static bool MatchesArea(CatalogueService service, ServiceFilterSpec filter)
    {
        if (filter.OnlyNational) return service.IsNational;
        if (filter.MunicipalityCodes is not { } municipalities)
            return filter.IncludeNational || !service.IsNational;
        return (filter.IncludeNational && service.IsNational) || service.MunicipalityCodes.Any(municipalities.Contains);
    }

    // ptvserclass2 URIs end in "P5.3"; the parent is "P5". (PTV's newParentUri, derived because we ship no PTV records.)
    private static string ParentOf(string uri)
    {
        var slash = uri.LastIndexOf('/');
        var dot = uri.IndexOf('.', slash + 1);
        return dot > 0 ? uri[..dot] : uri;
    }
}

namespace AuroraBots.Network.Apis;

/// <summary>Adds query parameters to a URL, skipping empty values (the original appends with '?' even when a query exists).</summary>
internal static class UrlQuery
{
    public static string Merge(string url, params (string Name, string? Value)[] parameters)
    {
        var fragmentAt = url.IndexOf('#');
        var fragment = fragmentAt >= 0 ? url[fragmentAt..] : "";
        var baseUrl = fragmentAt >= 0 ? url[..fragmentAt] : url;
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(value)) continue;
            baseUrl += (baseUrl.Contains('?') ? "&" : "?") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        }
        return baseUrl + fragment;
    }
}

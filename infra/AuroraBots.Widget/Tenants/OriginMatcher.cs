namespace AuroraBots.Widget.Tenants;

/// <summary>Compares a browser's <c>Origin</c> header with a tenant's allowed origins.</summary>
public static class OriginMatcher
{
    /// <summary>Normalises <c>scheme://host[:port]</c> (lower case, explicit port); null when it is not an http(s) origin.</summary>
    public static string? Normalise(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || origin == "null") return null;
        if (!Uri.TryCreate(origin.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query)) return null;
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
    }

    /// <summary>True when <paramref name="origin"/> equals one of <paramref name="allowed"/> (a <c>:*</c> port matches any port).</summary>
    public static bool IsAllowed(string? origin, IEnumerable<string> allowed)
    {
        var candidate = Normalise(origin);
        if (candidate is null) return false;
        foreach (var entry in allowed)
        {
            if (entry.EndsWith(":*", StringComparison.Ordinal))
            {
                var prefix = Normalise(entry[..^2]);
                if (prefix is not null && candidate.StartsWith(prefix[..(prefix.LastIndexOf(':') + 1)], StringComparison.Ordinal)) return true;
            }
            else if (Normalise(entry) == candidate)
            {
                return true;
            }
        }
        return false;
    }
}

using System.Collections.Concurrent;
using System.Text;

namespace AuroraBots.Host.Apis;

/// <summary>HTML templates embedded in the assembly; <c>{{name}}</c> placeholders are replaced with already-encoded values.</summary>
public sealed class PageTemplates
{
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    /// <param name="name">Path under Pages/ with '/' separators, e.g. <c>demo-sites/tampere-index.html</c>.</param>
    public string? Find(string name) => _cache.GetOrAdd(name, static key =>
    {
        using var stream = typeof(PageTemplates).Assembly.GetManifestResourceStream("AuroraBots.Host.Pages." + key);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var html = new StringBuilder(template);
        foreach (var (key, value) in values) html.Replace("{{" + key + "}}", value);
        return html.ToString();
    }
}

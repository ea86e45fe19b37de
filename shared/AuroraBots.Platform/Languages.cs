using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AuroraBots.Platform;

/// <summary>
/// The languages the platform speaks and the one used when a locale names none of them. Every project reads
/// languages through this type; the values come from configuration (section <c>Languages</c>, see
/// <see cref="LanguagesOptions"/>), with fi/sv/en and Finnish as the defaults.
/// </summary>
public sealed class Languages
{
    public Languages(LanguagesOptions options)
    {
        Supported = [.. (options.Supported is { Count: > 0 } listed ? listed : LanguagesOptions.DefaultSupported)
            .Select(Primary).Where(l => l.Length > 0).Distinct()];
        if (Supported.Count == 0) throw new ArgumentException("Languages:Supported names no language.", nameof(options));
        var fallback = Primary(options.Fallback ?? "");
        Fallback = Supported.Contains(fallback) ? fallback : Supported[0];
        Names = options.Names;
    }

    /// <summary>From the configuration section <c>Languages</c>; <see cref="Default"/> without one.</summary>
    public static Languages From(IConfiguration? configuration) =>
        configuration?.GetSection(LanguagesOptions.SectionName).Get<LanguagesOptions>() is { } options ? new Languages(options) : Default;

    /// <summary>The defaults of <see cref="LanguagesOptions"/>: for code that runs without configuration (tools, tests).</summary>
    public static Languages Default { get; } = new(new LanguagesOptions());

    public IReadOnlyList<string> Supported { get; }
    public string Fallback { get; }
    private IReadOnlyDictionary<string, string> Names { get; }

    public bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    /// <summary>The supported language of a locale (<c>sv-FI</c> → <c>sv</c>); null when it names none.</summary>
    public string? Find(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var language = Primary(locale);
        return Supported.Contains(language) ? language : null;
    }

    /// <summary>Like <see cref="Find"/>, but an unknown or missing locale gives <see cref="Fallback"/>.</summary>
    public string Resolve(string? locale) => Find(locale) ?? Fallback;

    /// <summary>A language's name in that language ("suomi", "svenska"), for <c>{language.name}</c>.</summary>
    public string NameOf(string language) => Names.TryGetValue(language, out var name) ? name : language;

    /// <summary>
    /// The culture for dates and weekdays shown to people in Finland in <paramref name="language"/>: the language's
    /// Finnish variant (fi-FI, sv-FI, en-FI) where one exists, else the language itself, else the invariant culture.
    /// </summary>
    public static CultureInfo CultureOf(string language)
    {
        foreach (var name in new[] { $"{Primary(language)}-FI", Primary(language) })
        {
            try { return CultureInfo.GetCultureInfo(name, predefinedOnly: true); }
            catch (CultureNotFoundException) { }
        }
        return CultureInfo.InvariantCulture;
    }

    private static string Primary(string locale) => locale.Split('-', '_')[0].Trim().ToLowerInvariant();
}

/// <summary>Configuration section <c>Languages</c>.</summary>
public sealed class LanguagesOptions
{
    public const string SectionName = "Languages";

    public static readonly IReadOnlyList<string> DefaultSupported = ["fi", "sv", "en"];

    /// <summary>Empty means <see cref="DefaultSupported"/> (a list default would be appended to by the binder, not replaced).</summary>
    public List<string> Supported { get; set; } = [];
    /// <summary>When a locale names no supported language; must be one of them (else the first is used).</summary>
    public string? Fallback { get; set; } = "fi";
    /// <summary>Each language's own name.</summary>
    public Dictionary<string, string> Names { get; set; } = new() { ["fi"] = "suomi", ["sv"] = "svenska", ["en"] = "English" };
}

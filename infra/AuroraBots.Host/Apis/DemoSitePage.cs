using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.Platform;
using AuroraBots.Widget.Tenants;

namespace AuroraBots.Host.Apis;

/// <summary>
/// One demo municipality site page (<c>Pages/demo-sites/site.html</c>, page <c>index</c> or <c>services</c>) for a
/// configured tenant: name, language and logo from <c>Widget:Tenants:&lt;id&gt;</c>, the rest from the fi/sv/en table
/// <c>Pages/demo-sites/demo-texts.json</c>. A tenant whose second language is the other national language (Turku,
/// Vaasa) shows its name in both and a line in that language, marked with its <c>lang</c> for screen readers.
/// </summary>
internal static class DemoSitePage
{
    public static readonly IReadOnlyList<string> Pages = ["index", "services"];
    private static readonly Lazy<JsonObject> texts = new(Load);

    /// <summary>The placeholder values of site.html (already HTML-encoded), or null for an unknown page.</summary>
    public static Dictionary<string, string>? Values(string tenantId, TenantOptions tenant, string page, string basePath, Languages languages)
    {
        if (!Pages.Contains(page)) return null;
        // The page speaks a language its text table has: the tenant's, else the platform's fallback, else the table's first.
        var language = new[] { tenant.DefaultLanguage, languages.Fallback }.FirstOrDefault(texts.Value.ContainsKey) ?? texts.Value.First().Key;
        // Bilingual: the tenant's second language is the other national language (Turku, Vaasa: sv then fi). Finland's
        // two national languages are a fact of the country, not a configurable list.
        var other = tenant.Languages.Skip(1).FirstOrDefault() is { } second && second != language && second is "fi" or "sv" && language is "fi" or "sv" ? second : null;
        string Text(string key, string lang = "") => Encode(Say(lang is "" ? language : lang, key).Replace("{site}", Name(tenant, lang is "" ? language : lang)));

        var siteName = Encode(Name(tenant, language)) + (other is null ? "" : $" – <span lang=\"{other}\">{Encode(Name(tenant, other))}</span>");
        var main = new StringBuilder();
        if (page == "index")
        {
            main.Append($"    <h1>{Text("welcome")}</h1>\n");
            if (other is not null) main.Append($"    <p lang=\"{other}\">{Text("otherLanguage", other)}</p>\n");
            main.Append($"    <p>{Text("intro")}</p>\n    <p>{Text("memory")}</p>");
        }
        else
        {
            main.Append($"    <h1>{Text("services")}</h1>\n    <ul>\n");
            foreach (var item in texts.Value[language]!["serviceList"]!.AsArray()) main.Append($"      <li>{Encode(item!.GetValue<string>())}</li>\n");
            main.Append("    </ul>");
        }
        const string Current = " aria-current=\"page\"";
        return new(StringComparer.Ordinal)
        {
            ["lang"] = language,
            ["tenant"] = tenantId,
            ["title"] = Text(page == "index" ? "titleIndex" : "titleServices"),
            ["skip"] = Text("skip"),
            ["logo"] = Encode(basePath + (tenant.Theme.LogoUrl is { Length: > 0 } logo && logo.StartsWith('/') ? logo : $"/demo-sites/{tenantId}/logo.svg")),
            ["siteName"] = siteName,
            ["navLabel"] = Text("nav"),
            ["homeLabel"] = Text("home"),
            ["servicesLabel"] = Text("services"),
            ["homeCurrent"] = page == "index" ? Current : "",
            ["servicesCurrent"] = page == "services" ? Current : "",
            ["main"] = main.ToString(),
            ["footer"] = Text("footer"),
        };
    }

    /// <summary>The custom properties site.css reads (<c>--primary</c>, <c>--on-primary</c>, <c>--page</c>, <c>--text</c>).</summary>
    public static string ThemeCss(ThemeOptions theme) =>
        $":root {{ --primary: {theme.Primary}; --on-primary: {theme.OnPrimary}; --page: {theme.Background}; --text: {theme.Text}; }}\n";

    private static string Name(TenantOptions tenant, string language) =>
        tenant.DisplayName.GetValueOrDefault(language) ?? tenant.DisplayName.Values.FirstOrDefault() ?? "";

    private static string Say(string language, string key) => texts.Value[language]![key]!.GetValue<string>();

    // Letters such as å and ä stay readable in the page source (WebUtility would write &#229;).
    private static readonly HtmlEncoder encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => encoder.Encode(text);

    private static JsonObject Load()
    {
        using var stream = typeof(DemoSitePage).Assembly.GetManifestResourceStream("AuroraBots.Host.Pages.demo-sites/demo-texts.json")
            ?? throw new InvalidOperationException("demo-texts.json is not embedded in the host assembly.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}

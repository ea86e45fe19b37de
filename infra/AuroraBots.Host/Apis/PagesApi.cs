using AuroraBots.Platform;
using AuroraBots.DirectLine.WebChat;
using System.Net;
using System.Text;
using AuroraBots.Builder;
using AuroraBots.Host.Security;
using AuroraBots.Widget.Assets;
using AuroraBots.Widget.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Apis;

/// <summary>
/// The demo page (<c>/</c>: every configured bot with its own Web Chat) and the demo municipality sites
/// (<c>/demo-sites/{tenant}/</c>, one template filled from the tenant's configuration) that embed the widget. Pages carry a strict CSP with a per-response nonce.
/// </summary>
public static class PagesApi
{

    public static IEndpointRouteBuilder MapPagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", DemoPage);
        app.MapGet("/handoff/{botId}", HandoffLanding);
        // Pages have no extension (site.css and logo.svg next to them are static files).
        app.MapGet("/demo-sites/{site:regex(^[a-z0-9-]+$)}/{page:regex(^[a-z0-9-]+$)?}", DemoSite);
        app.MapGet("/demo-sites/{site:regex(^[a-z0-9-]+$)}/theme.css", DemoSiteTheme);
        return app;
    }

    internal static ContentHttpResult DemoPage(
        HttpContext context, PageTemplates templates, IBotCatalog catalog, WebChatBundle webChat, IOptionsMonitor<DemoPageOptions> demo, Languages languages, string? lang)
    {
        var language = languages.Resolve(lang);
        var nonce = WebChatPagePolicy.NewNonce();
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var html = PageTemplates.Fill(templates.Find("index.html")!, new Dictionary<string, string>
        {
            ["nonce"] = nonce,
            ["base"] = WebUtility.HtmlEncode(context.Request.PathBase.ToString()),
            ["webChatUrl"] = WebUtility.HtmlEncode(context.Request.PathBase + webChat.Path),
            ["lang"] = language,
            ["languageOptions"] = LanguageOptions(languages, language),
            ["bots"] = BotCards([.. catalog.Bots.Where(b => !demo.CurrentValue.HiddenBots.Contains(b.Id, StringComparer.OrdinalIgnoreCase))], language),
        });
        return Html(context, html, WebChatPagePolicy.For(nonce, origin));
    }

    /// <summary>
    /// Where the AuroraAI network sends a user handed over to one of our bots (<c>?auroraai_access_token=…</c>):
    /// that bot's Web Chat; demo.js forwards the token in the <c>webchat/join</c> event.
    /// </summary>
    internal static Results<ContentHttpResult, NotFound> HandoffLanding(
        string botId, HttpContext context, PageTemplates templates, IBotCatalog catalog, WebChatBundle webChat, Languages languages, string? lang)
    {
        var bot = catalog.Find(botId);
        if (bot is null) return TypedResults.NotFound();
        var language = languages.IsSupported(lang) && bot.Languages.Contains(lang!) ? lang! : bot.DefaultLanguage;
        var nonce = WebChatPagePolicy.NewNonce();
        var html = PageTemplates.Fill(templates.Find("handoff.html")!, new Dictionary<string, string>
        {
            ["nonce"] = nonce,
            ["base"] = WebUtility.HtmlEncode(context.Request.PathBase.ToString()),
            ["webChatUrl"] = WebUtility.HtmlEncode(context.Request.PathBase + webChat.Path),
            ["lang"] = language,
            ["title"] = WebUtility.HtmlEncode(bot.NameIn(language)),
            ["bots"] = BotCards([bot], language),
        });
        return Html(context, html, WebChatPagePolicy.For(nonce, $"{context.Request.Scheme}://{context.Request.Host}"));
    }

    internal static Results<ContentHttpResult, NotFound> DemoSite(
        string site, string? page, HttpContext context, PageTemplates templates, WidgetAssets assets, IOptionsMonitor<WidgetOptions> widget, Languages languages)
    {
        var name = string.IsNullOrEmpty(page) ? "index" : page.EndsWith(".html", StringComparison.Ordinal) ? page[..^5] : page;
        if (!IsSafeSegment(site) || !IsSafeSegment(name)) return TypedResults.NotFound();
        // One template for every tenant's site, filled from its widget configuration (Widget:Tenants:<id>).
        if (!widget.CurrentValue.Tenants.TryGetValue(site, out var tenant))
            return TypedResults.NotFound();
        var values = DemoSitePage.Values(site, tenant, name, WebUtility.HtmlEncode(context.Request.PathBase.ToString()), languages);
        if (values is null) return TypedResults.NotFound();

        var nonce = WebChatPagePolicy.NewNonce();
        var configured = widget.CurrentValue.PublicBaseUrl;
        // Behind a reverse proxy under a path, the chat's base includes it (the forwarded prefix is the path base).
        var chatOrigin = string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" : configured.TrimEnd('/');
        values["nonce"] = nonce;
        values["base"] = WebUtility.HtmlEncode(context.Request.PathBase.ToString());
        values["chatOrigin"] = WebUtility.HtmlEncode(chatOrigin);
        values["widgetIntegrity"] = assets.Script.Integrity;
        // The page's own values first: {{base}} etc. inside them ({{main}}) are filled after.
        var html = PageTemplates.Fill(templates.Find("demo-sites/site.html")!, values);
        return Html(context, html, WebChatPagePolicy.For(nonce, CallerOriginOf(chatOrigin)));
    }

    /// <summary>
    /// The demo site's colours are the tenant's widget theme (<c>Widget:Tenants:&lt;id&gt;:Theme</c>), so a municipality
    /// configures them once and its site and chat panel match; the colours were checked (format, contrast) at startup.
    /// </summary>
    internal static Results<ContentHttpResult, NotFound> DemoSiteTheme(string site, HttpContext context, IOptionsMonitor<WidgetOptions> widget)
    {
        if (!widget.CurrentValue.Tenants.TryGetValue(site, out var tenant)) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(DemoSitePage.ThemeCss(tenant.Theme), "text/css; charset=utf-8", Encoding.UTF8);
    }

    private static string CallerOriginOf(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);

    private static ContentHttpResult Html(HttpContext context, string html, string csp)
    {
        context.Response.Headers.ContentSecurityPolicy = csp;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static bool IsSafeSegment(string value) =>
        value.Length is > 0 and <= 40 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The platform's languages, each named in itself ("Suomi", "Svenska", "English").</summary>
    private static string LanguageOptions(Languages languages, string selected) => string.Concat(languages.Supported.Select(code =>
        $"<option value=\"{code}\" lang=\"{code}\"{(code == selected ? " selected" : "")}>{WebUtility.HtmlEncode(Capitalised(languages.NameOf(code)))}</option>"));

    private static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string BotCards(IReadOnlyList<BotDescriptor> bots, string language)
    {
        if (bots.Count == 0) return "<p>No bots are configured.</p>";
        var html = new StringBuilder();
        foreach (var bot in bots)
        {
            var id = WebUtility.HtmlEncode(bot.Id);
            html.Append($"<article class=\"bot\" aria-labelledby=\"bot-{id}-name\">")
                .Append($"<h2 id=\"bot-{id}-name\">{WebUtility.HtmlEncode(bot.NameIn(language))}</h2>")
                .Append($"<p class=\"organisation\">{WebUtility.HtmlEncode(In(bot.Organisation, language, bot.DefaultLanguage))}</p>")
                .Append($"<p class=\"description\">{WebUtility.HtmlEncode(In(bot.Description, language, bot.DefaultLanguage))}</p>")
                .Append($"<div class=\"webchat\" data-bot-id=\"{id}\" data-language=\"{language}\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(bot.NameIn(language))}: chat\"></div>")
                .Append("</article>");
        }
        return html.ToString();
    }

    private static string In(IReadOnlyDictionary<string, string> texts, string language, string fallback) =>
        texts.TryGetValue(language, out var text) ? text : texts.GetValueOrDefault(fallback, "");
}

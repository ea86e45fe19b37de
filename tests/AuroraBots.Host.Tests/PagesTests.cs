using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuroraBots.Builder;
using AuroraBots.Widget.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Tests;

public partial class PagesTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Demo_page_lists_every_public_catalogue_bot_in_the_chosen_language_and_not_the_internal_sample(string language)
    {
        var catalog = factory.Services.GetRequiredService<IBotCatalog>();
        var shown = catalog.Bots.Where(b => b.Id != "sample").ToList();
        Assert.NotEmpty(shown);
        Assert.Contains(catalog.Bots, b => b.Id == "sample");
        var html = await factory.CreateClient().GetStringAsync($"/?lang={language}");

        Assert.Contains($"<html lang=\"{language}\">", html);
        foreach (var bot in shown)
        {
            Assert.Contains($"data-bot-id=\"{WebUtility.HtmlEncode(bot.Id)}\"", html);
            Assert.Contains(WebUtility.HtmlEncode(bot.NameIn(language)), html);
        }
        Assert.DoesNotContain("data-bot-id=\"sample\"", html);
        Assert.Equal(shown.Count, Regex.Matches(html, "data-bot-id=").Count);
    }

    [Fact]
    public async Task Bots_api_matches_the_catalogue()
    {
        var catalog = factory.Services.GetRequiredService<IBotCatalog>();
        var bots = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/bots");
        Assert.Equal(catalog.Bots.Select(b => b.Id), bots.EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/demo-sites/tampere/")]
    [InlineData("/demo-sites/vaasa/services")]
    [InlineData("/demo-sites/oulu/")]
    [InlineData("/demo-sites/turku/services")]
    public async Task Pages_have_a_strict_csp_and_no_inline_script(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var html = await response.Content.ReadAsStringAsync();

        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);

        // Every script element loads a file: nothing inline for the CSP to allow.
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, match => Assert.Contains(" src=\"", match.Value));
        Assert.DoesNotContain(" on", OpeningTags().Matches(html).Select(m => Regex.Replace(m.Value, "\"[^\"]*\"", "")).Where(t => Regex.IsMatch(t, @"\son[a-z]+=")));

        // The style nonce in the header is the one handed to the page (for Web Chat's styles).
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", html);
        var second = (await factory.CreateClient().GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(nonce, Regex.Match(second, "'nonce-([^']+)'").Groups[1].Value);
    }

    [Fact]
    public async Task Demo_site_embeds_the_widget_with_its_sri_hash()
    {
        var client = factory.CreateClient();
        var integrity = await client.GetFromJsonAsync<Dictionary<string, string>>("/api/widget/integrity");
        var html = await client.GetStringAsync("/demo-sites/tampere/");

        var tag = Regex.Match(html, "<script [^>]*widget\\.js[^>]*>").Value;
        Assert.Contains("data-tenant=\"tampere\"", tag);
        Assert.Contains($"integrity=\"{integrity!["widget.js"]}\"", tag);
        Assert.Contains("crossorigin=\"anonymous\"", tag);
        Assert.Contains(" async", tag);
    }

    /// <summary>One template for every site, filled from the tenant's configuration and the fi/sv/en demo texts.</summary>
    [Theory]
    [InlineData("/demo-sites/tampere/", "fi", "Tampereen kaupunki – etusivu (demo)", "Tampereen kaupunki", null)]
    [InlineData("/demo-sites/oulu/services", "fi", "Oulun kaupunki – palvelut (demo)", "Oulun kaupunki", null)]
    [InlineData("/demo-sites/turku/", "sv", "Åbo stad – startsida (demo)", "Åbo stad – <span lang=\"fi\">Turun kaupunki</span>", "fi")]
    [InlineData("/demo-sites/vaasa/services", "sv", "Vasa stad – tjänster (demo)", "Vasa stad – <span lang=\"fi\">Vaasan kaupunki</span>", "fi")]
    public async Task Demo_sites_are_filled_from_the_tenant_configuration(string path, string language, string title, string siteName, string? otherLanguage)
    {
        var html = await factory.CreateClient().GetStringAsync(path);

        Assert.StartsWith($"<!DOCTYPE html>\n<html lang=\"{language}\">", html);
        Assert.Contains($"<title>{title}</title>", html);
        Assert.Contains($"<p class=\"site-name\">{siteName}</p>", html);
        var tenant = path.Split('/')[2];
        Assert.Contains($"data-tenant=\"{tenant}\"", html);
        Assert.Contains($"<img class=\"logo\" src=\"/demo-sites/{tenant}/logo.svg\"", html);
        Assert.Single(Regex.Matches(html, "aria-current=\"page\""));
        Assert.DoesNotContain("{{", html);
        // A bilingual site's line in its other language is marked for screen readers (on the front page).
        if (otherLanguage is not null && path.EndsWith('/')) Assert.Matches($"<p lang=\"{otherLanguage}\">[^<]+</p>", html);
        if (otherLanguage is null) Assert.DoesNotContain("<p lang=", html);
    }

    [Theory]
    [InlineData("/demo-sites/atlantis/")]
    [InlineData("/demo-sites/tampere/nothing-here")]
    [InlineData("/demo-sites/tampere/..%2Findex")]
    [InlineData("/demo-sites/TAMPERE/")]
    [InlineData("/demo-sites/atlantis/theme.css")]
    public async Task Unknown_demo_pages_are_404(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("oulu")]
    [InlineData("turku")]
    [InlineData("tampere")]
    [InlineData("vaasa")]
    public async Task A_demo_site_is_coloured_with_its_tenants_configured_widget_theme(string tenant)
    {
        var theme = factory.Services.GetRequiredService<IOptionsMonitor<WidgetOptions>>().CurrentValue.Tenants[tenant].Theme;
        var client = factory.CreateClient();
        Assert.Contains($"href=\"/demo-sites/{tenant}/theme.css\"", await client.GetStringAsync($"/demo-sites/{tenant}/"));

        var response = await client.GetAsync($"/demo-sites/{tenant}/theme.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains($"--primary: {theme.Primary};", css);
        Assert.Contains($"--on-primary: {theme.OnPrimary};", css);
        Assert.Contains($"--page: {theme.Background};", css);
        Assert.Contains($"--text: {theme.Text};", css);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<[a-z][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningTags();
}

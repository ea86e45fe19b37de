using AuroraBots.Widget.Tenants;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Tests;

public class OptionsTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)] // the classic "grey that just fails AA" reference value
    [InlineData("#767676", "#ffffff", 4.54)]
    public void Contrast_follows_wcag(string foreground, string background, double expected) =>
        Assert.Equal(expected, ColourContrast.Ratio(foreground, background), 2);

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080", true)]
    [InlineData("http://LOCALHOST:5080/", "http://localhost:5080", true)]
    [InlineData("https://www.tampere.fi", "https://www.tampere.fi:443", true)]
    [InlineData("http://localhost:6000", "http://localhost:*", true)]
    [InlineData("http://localhost.evil:6000", "http://localhost:*", false)]
    [InlineData("https://localhost:6000", "http://localhost:*", false)]
    [InlineData("http://localhost:5081", "http://localhost:5080", false)]
    [InlineData("null", "http://localhost:*", false)]
    [InlineData("http://localhost:5080/path", "http://localhost:5080", false)]
    public void Origins_match_exactly_or_by_port_wildcard(string origin, string allowed, bool expected) =>
        Assert.Equal(expected, OriginMatcher.IsAllowed(origin, [allowed]));

    [Fact]
    public void Unreadable_theme_stops_the_host_with_a_clear_message()
    {
        using var factory = new BadThemeFactory();
        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Widget:Tenants:tampere:Theme: contrast of OnPrimary on Primary", error.Message);
    }

    [Fact]
    public void Default_language_outside_languages_is_rejected()
    {
        var options = new WidgetOptions();
        options.Tenants["x"] = new TenantOptions { DefaultBot = "frontdesk", AllowedOrigins = ["https://x.fi"], Languages = ["fi"], DefaultLanguage = "sv" };
        var result = new WidgetOptionsValidator(AuroraBots.Platform.Languages.Default).Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("DefaultLanguage 'sv'"));
    }

    private sealed class BadThemeFactory : HostFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Widget:Tenants:tampere:Theme:Primary"] = "#ffff00",
            ["Widget:Tenants:tampere:Theme:OnPrimary"] = "#ffffff",
        };
    }
}

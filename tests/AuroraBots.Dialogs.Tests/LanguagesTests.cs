using AuroraBots.Platform;

namespace AuroraBots.Dialogs.Tests;

/// <summary>The one languages type: locales to supported languages, and the culture dates are shown in.</summary>
public class LanguagesTests
{
    private static readonly DateTimeOffset Thursday = new(2026, 12, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("fi", "torstai")]
    [InlineData("sv", "torsdag")]
    [InlineData("en", "Thursday")]
    [InlineData("sv-SE", "torsdag")]
    public void Weekdays_are_in_the_language(string language, string weekday) =>
        Assert.Equal(weekday, Thursday.ToString("dddd", Languages.CultureOf(language)));

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("not a language")]
    public void An_unknown_language_formats_without_failing(string language) =>
        Assert.False(string.IsNullOrEmpty(Thursday.ToString("dddd", Languages.CultureOf(language))));

    [Fact]
    public void A_configured_language_list_replaces_the_default_and_the_fallback_must_be_one_of_them()
    {
        var languages = new Languages(new LanguagesOptions { Supported = ["sv", "en"], Fallback = "fi" });
        Assert.Equal(["sv", "en"], languages.Supported);
        Assert.Equal("sv", languages.Fallback);
        Assert.Equal("en", languages.Resolve("en-US"));
        Assert.Equal("sv", languages.Resolve("fi-FI"));
    }
}

using AuroraBots.Nlu.Language;

namespace AuroraBots.Nlu.Tests;

/// <summary>What a message leaves once the words of a language request are taken out.</summary>
public class LanguageRequestMaskTests
{
    private static readonly LanguageRequestMask s_mask = new(
    [
        ("en", "in English"), ("en", "can you speak Swedish"), ("en", "switch to Finnish"),
        ("fi", "puhu englantia"), ("fi", "vaihda kieli ruotsiksi"),
        ("sv", "på svenska"), ("sv", "kan du prata engelska"),
    ]);

    [Theory]
    [InlineData("day care in english", "en", "day care")]
    [InlineData("can you help with jobs in Swedish", "en", "help with jobs")]
    [InlineData("englanninkielinen päiväkoti", "fi", "päiväkoti")]
    [InlineData("finns det jobb på engelska", "sv", "finns det jobb")]
    [InlineData("svenskspråkigt dagis", "sv", "dagis")]
    public void The_language_name_and_the_request_words_are_left_out(string text, string language, string rest) =>
        Assert.Equal(rest, s_mask.Rest(text, language));

    [Theory]
    [InlineData("in English", "en")]                // a pure request leaves nothing
    [InlineData("can you speak Swedish", "en")]
    [InlineData("puhu englantia", "fi")]
    [InlineData("jobs in Finland", "en")]           // a country is not a language name
    [InlineData("kesätöitä Suomessa", "fi")]
    [InlineData("change the subject", "en")]        // no language named
    public void Nothing_is_left_when_the_message_is_only_a_request_or_names_no_language(string text, string language) =>
        Assert.Null(s_mask.Rest(text, language));
}

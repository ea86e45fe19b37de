using AuroraBots.Nlu.Language;

namespace AuroraBots.Nlu.Tests;

public class LanguageDetectionTests
{
    [Theory]
    [InlineData("Haluaisin tietää lisää asumistuesta", "fi")]
    [InlineData("mulla on tosi paha olo tänään", "fi")]
    [InlineData("voitko auttaa mua löytämään kesätyön", "fi")]
    [InlineData("kiitos", "fi")]
    [InlineData("Jag skulle vilja veta mer om bostadsbidrag", "sv")]
    [InlineData("jag mår inte så bra idag", "sv")]
    [InlineData("kan du hjälpa mig att hitta ett sommarjobb", "sv")]
    [InlineData("tack", "sv")]
    [InlineData("I would like to know more about housing allowance", "en")]
    [InlineData("i'm not feeling great today", "en")]
    [InlineData("can you help me find a summer job", "en")]
    [InlineData("thanks", "en")]
    public void Sentences_and_telltale_words_are_detected_confidently(string text, string language)
    {
        var detection = LanguageDetector.Default.Detect(text);
        Assert.Equal(language, detection.Language);
        Assert.True(detection.Confidence >= new NluOptions().LanguageSwitchConfidence, $"confidence {detection.Confidence}");
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("17")]
    [InlineData("???")]
    [InlineData("")]
    [InlineData("Oulu")]
    [InlineData("ja")]
    public void Short_or_ambiguous_utterances_have_low_confidence(string text)
    {
        var detection = LanguageDetector.Default.Detect(text);
        Assert.True(detection.Confidence < new NluOptions().LanguageSwitchConfidence, $"'{text}' → {detection.Language} {detection.Confidence}");
    }

    [Fact]
    public void Confidences_are_between_zero_and_one_and_name_every_language()
    {
        var detection = LanguageDetector.Default.Detect("hej, hur mår du?");
        Assert.Equal(["en", "fi", "sv"], detection.Scores.Keys.Order());
        Assert.All(detection.Scores.Values, s => Assert.InRange(s, 0, 1));
        Assert.InRange(detection.Scores.Values.Sum(), 0, 1.0001);
        Assert.Equal(detection.Confidence, detection.ConfidenceFor("sv"));
    }

    [Theory]
    [InlineData("ok", "sv")]
    [InlineData("17", "en")]
    [InlineData("Tampere", "sv")]
    [InlineData("ok", "sv-FI")]
    public void The_engine_keeps_the_conversation_language_when_detection_is_unsure(string text, string conversationLanguage)
    {
        var engine = NluEngine.Train(Fixture.Examples);
        Assert.Equal(conversationLanguage[..2], engine.Analyse(text, conversationLanguage).Language);
    }

    [Fact]
    public void The_engine_switches_language_for_a_clear_sentence_in_another_language()
    {
        var engine = NluEngine.Train(Fixture.Examples);
        var result = engine.Analyse("jag behöver hjälp med att hitta en bostad", "fi");
        Assert.Equal("sv", result.Language);
        Assert.True(result.LanguageConfidence >= engine.Options.LanguageSwitchConfidence);
    }
}

namespace AuroraBots.Nlu.Tests;

public class IntentClassificationTests
{
    private static readonly NluEngine s_engine = NluEngine.Train(Fixture.Examples);

    [Theory]
    [InlineData("haen asumistukea", "fi", "housing")]          // inflected form of a training word
    [InlineData("vuokrakämppä liian kallis", "fi", "housing")]
    [InlineData("etsin kesatyota", "fi", "work")]               // no diacritics, partitive
    [InlineData("jag söker sommarjobb i Vasa", "sv", "work")]
    [InlineData("hur söker jag bostadsbidrag", "sv", "housing")]
    [InlineData("where do I find a job", "en", "work")]
    [InlineData("my rent is too high", "en", "housing")]
    [InlineData("what can this thing do", "en", "help")]
    public void Paraphrases_get_the_right_intent_in_each_language(string text, string language, string intent)
    {
        var result = s_engine.Analyse(text, language);
        Assert.Equal(language, result.Language);
        Assert.Equal(intent, result.TopIntent?.Intent);
    }

    [Fact]
    public void Scores_are_between_zero_and_one_and_sorted_best_first()
    {
        var result = s_engine.Analyse("tarvitsen apua asunnon kanssa", "fi");
        Assert.Equal(["help", "housing", "work"], result.Intents.Select(i => i.Intent).Order());
        Assert.All(result.Intents, i => Assert.InRange(i.Score, 0, 1));
        Assert.Equal(result.Intents.OrderByDescending(i => i.Score).Select(i => i.Score), result.Intents.Select(i => i.Score));
        Assert.InRange(result.Intents.Sum(i => i.Score), 0, 1.001);
    }

    [Fact]
    public void A_training_example_is_recognised_with_high_confidence()
    {
        var result = s_engine.Analyse("etsin vuokra-asuntoa", "fi");
        Assert.Equal("housing", result.TopIntent?.Intent);
        Assert.True(s_engine.IsConfident(result));
        Assert.True(result.TopIntent!.Score >= 0.8, $"score {result.TopIntent.Score}");
    }

    [Theory]
    [InlineData("qwzx vbnm plkj")]
    [InlineData("asdfghjkl")]
    [InlineData("🙂🙂🙂")]
    [InlineData("")]
    [InlineData("the quick brown fox jumps over the lazy dog")]
    public void Gibberish_and_unrelated_text_score_below_the_threshold(string text)
    {
        var result = s_engine.Analyse(text, "en");
        Assert.False(s_engine.IsConfident(result), $"'{text}' → {result.TopIntent?.Intent} {result.TopIntent?.Score}");
    }

    [Fact]
    public void A_language_without_examples_yields_no_intents_but_still_entities()
    {
        var finnishOnly = NluEngine.Train(Fixture.Examples.Where(e => e.Language == "fi"));
        var result = finnishOnly.Analyse("I live in Turku and I'm 17 years old, can you help me", "fi");
        Assert.Equal("en", result.Language);
        Assert.Empty(result.Intents);
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Municipality && e.Value == "853");
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Age && e.Value == "17");
    }

    [Fact]
    public void Analyse_returns_entities_in_the_chosen_language()
    {
        var result = s_engine.Analyse("asun Tampereella ja olen 17-vuotias", "fi");
        Assert.Equal("fi", result.Language);
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Municipality && e.Value == "837");
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Age && e.Value == "17");
        Assert.DoesNotContain(result.Entities, e => e.Type == EntityTypes.YesNo); // Finnish "ja" is "and"
    }

    [Fact]
    public void Concurrent_analyses_give_the_same_results_as_sequential_ones()
    {
        string[] texts = ["etsin töitä Oulusta", "jag behöver hjälp", "housing allowance please", "seitsemän", "kyllä", "hyresbostad i Åbo"];
        var expected = texts.Select(t => Describe(s_engine.Analyse(t, "fi"))).ToArray();
        var actual = new string[texts.Length * 200];
        Parallel.For(0, actual.Length, i => actual[i] = Describe(s_engine.Analyse(texts[i % texts.Length], "fi")));
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }

    [Fact]
    public void A_huge_message_is_analysed_on_its_beginning()
    {
        var text = "asun Oulussa ja etsin töitä " + string.Concat(Enumerable.Repeat("tosi ", 50_000)) + " Tampereella";
        var result = s_engine.Analyse(text, "fi");
        var oulu = Assert.Single(result.Entities, e => e.Type == EntityTypes.Municipality); // Tampereella is past the limit
        Assert.Equal("Oulussa", text.Substring(oulu.Start, oulu.Length));
    }

    [Fact]
    public void Training_rejects_unsupported_languages_and_empty_examples()
    {
        var german = Assert.Throws<ArgumentException>(() => NluEngine.Train([new IntentExample("help", "de", "Hilfe")]));
        Assert.Contains("'de'", german.Message);
        Assert.Throws<ArgumentException>(() => NluEngine.Train([new IntentExample("help", "fi", "  ")]));
        Assert.Throws<ArgumentException>(() => NluEngine.Train([new IntentExample("", "fi", "apua")]));
    }

    private static string Describe(NluResult r) =>
        $"{r.Language}|{r.LanguageConfidence}|{string.Join(',', r.Intents.Select(i => $"{i.Intent}:{i.Score}"))}|"
        + string.Join(',', r.Entities.Select(e => $"{e.Type}:{e.Value}@{e.Start}"));
}

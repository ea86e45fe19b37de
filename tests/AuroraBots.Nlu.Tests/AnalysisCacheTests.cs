namespace AuroraBots.Nlu.Tests;

public class AnalysisCacheTests
{
    private static readonly string[] s_messages =
    [
        "kyllä", "ei", "42", "etsin vuokra-asuntoa", "jag söker jobb", "help", "Espoo", "en tiedä",
        "I'm looking for work in Tampere and I am 19", "tarvitsen apua asunnon kanssa",
    ];

    [Fact]
    public void Cached_analyses_equal_uncached_ones_in_every_conversation_language()
    {
        var cached = NluEngine.Train(Fixture.Examples);
        var uncached = NluEngine.Train(Fixture.Examples, new NluOptions { AnalysisCacheSize = 0 });
        foreach (var language in (string?[])[null, "fi", "sv", "en"])
        foreach (var message in s_messages)
        {
            var expected = uncached.Analyse(message, language);
            for (var pass = 0; pass < 2; pass++) // the second pass is answered from the cache
                AssertSameAnalysis(expected, cached.Analyse(message, language));
        }
    }

    [Fact]
    public void A_repeated_short_message_is_analysed_once_per_conversation_language()
    {
        var engine = NluEngine.Train(Fixture.Examples);
        Assert.Same(engine.Analyse("kyllä", "fi"), engine.Analyse("kyllä", "fi"));
        // The conversation's language decides the analysis of an ambiguous message: it is part of the key.
        Assert.NotSame(engine.Analyse("kyllä", "fi"), engine.Analyse("kyllä", "sv"));
    }

    [Fact]
    public void Long_messages_and_a_disabled_cache_are_analysed_every_time()
    {
        var engine = NluEngine.Train(Fixture.Examples, new NluOptions { AnalysisCacheMaxLength = 10 });
        Assert.NotSame(engine.Analyse("etsin vuokra-asuntoa", "fi"), engine.Analyse("etsin vuokra-asuntoa", "fi"));
        var disabled = NluEngine.Train(Fixture.Examples, new NluOptions { AnalysisCacheSize = 0 });
        Assert.NotSame(disabled.Analyse("ei", "fi"), disabled.Analyse("ei", "fi"));
    }

    [Fact]
    public void A_full_cache_starts_over_and_keeps_answering_right()
    {
        var engine = NluEngine.Train(Fixture.Examples, new NluOptions { AnalysisCacheSize = 3 });
        var reference = NluEngine.Train(Fixture.Examples, new NluOptions { AnalysisCacheSize = 0 });
        for (var round = 0; round < 3; round++)
            foreach (var message in s_messages)
                AssertSameAnalysis(reference.Analyse(message, "fi"), engine.Analyse(message, "fi"));
    }

    private static void AssertSameAnalysis(NluResult expected, NluResult actual)
    {
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.LanguageConfidence, actual.LanguageConfidence);
        Assert.Equal(expected.Intents, actual.Intents);
        Assert.Equal(expected.Entities, actual.Entities);
    }
}

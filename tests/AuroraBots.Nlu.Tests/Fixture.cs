namespace AuroraBots.Nlu.Tests;

/// <summary>A small three-intent training set in three languages, for classifier behaviour tests.</summary>
internal static class Fixture
{
    public static readonly IReadOnlyList<IntentExample> Examples =
    [
        .. Intent("housing", "fi", "etsin vuokra-asuntoa", "asumistuki", "tarvitsen asunnon", "vuokra on liian kallis", "muuttoilmoitus"),
        .. Intent("housing", "sv", "jag söker en hyresbostad", "bostadsbidrag", "jag behöver en bostad", "hyran är för dyr", "flyttanmälan"),
        .. Intent("housing", "en", "I'm looking for a rental flat", "housing allowance", "I need an apartment", "the rent is too expensive", "moving notice"),
        .. Intent("work", "fi", "etsin töitä", "tarvitsen kesätyön", "jäin työttömäksi", "työpaikat", "mistä löydän töitä"),
        .. Intent("work", "sv", "jag söker jobb", "jag behöver ett sommarjobb", "jag blev arbetslös", "lediga jobb", "var hittar jag jobb"),
        .. Intent("work", "en", "I'm looking for work", "I need a summer job", "I lost my job", "job openings", "where can I find work"),
        .. Intent("help", "fi", "apua", "mitä osaat", "miten tämä toimii", "tarvitsen apua", "ohjeet"),
        .. Intent("help", "sv", "hjälp", "vad kan du", "hur fungerar det här", "jag behöver hjälp", "instruktioner"),
        .. Intent("help", "en", "help", "what can you do", "how does this work", "I need help", "instructions"),
    ];

    private static IEnumerable<IntentExample> Intent(string intent, string language, params string[] texts) =>
        texts.Select(t => new IntentExample(intent, language, t));
}

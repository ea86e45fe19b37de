namespace AuroraBots.Network.Search;

/// <summary>Ranking knobs of <c>text_search</c> (section <c>AuroraAI:Network:TextSearch</c>).</summary>
public sealed class TextSearchOptions
{
    public StemmingMode Stemming { get; set; } = StemmingMode.Snowball;

    /// <summary>The query languages when <see cref="QueryLanguages"/> lists none: the catalogue's (fi, sv, en).</summary>
    public static readonly IReadOnlyList<string> DefaultQueryLanguages = ["fi", "sv", "en"];

    /// <summary>
    /// The languages a query's words are stemmed in (each word as a term of every one). The network service is its
    /// own deployable (it does not read the bots' <c>Languages</c> section); a language without a Snowball stemmer in
    /// <see cref="Tokeniser"/> is stemmed as Finnish. Empty means <see cref="DefaultQueryLanguages"/> (a list default
    /// would be appended to by the configuration binder, not replaced).
    /// </summary>
    public List<string> QueryLanguages { get; set; } = [];

    /// <summary>Weight of the compound/prefix match (query stem is the start of a longer indexed term); 0 disables it.</summary>
    public double PrefixWeight { get; set; } = 0.5;

    /// <summary>
    /// Letters dropped from the end of a query stem before prefix matching, so Finnish consonant gradation
    /// (tuki/tuen, hoito/hoidon) still meets; the prefix keeps at least 5 letters.
    /// </summary>
    public int PrefixTrim { get; set; } = 2;

    /// <summary>
    /// Letters a trimmed query stem keeps at least before it is matched as a prefix. Short prefixes join unrelated
    /// compounds: "päiväkoti" trimmed to "päiväk" met "päiväkeskus" (a day centre for drug users) for day care.
    /// </summary>
    public int PrefixMinLetters { get; set; } = 5;

    /// <summary>
    /// Weight of character 4-gram matching over the Finnish texts (catches compounds and stems the stemmer
    /// misses, e.g. toimeentulotuen/toimeentulotuki); 0 disables it.
    /// </summary>
    public double NGramWeight { get; set; } = 0.3;

    /// <summary>4-grams found in more than this share of services are ignored (little signal, high cost).</summary>
    public double MaxGramDocumentShare { get; set; } = 0.05;

    /// <summary>How many times the service name counts relative to the summary.</summary>
    public int NameWeight { get; set; } = 2;

    /// <summary>Also search the Finnish side of sv/en service terms found in the query (<see cref="Glossary"/>).</summary>
    public bool UseGlossary { get; set; } = true;

    public double K1 { get; set; } = 1.2;
    public double B { get; set; } = 0.75;
}

using System.Text;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;

namespace AuroraBots.Network.Search;

/// <summary>
/// Ranks services for free text: BM25 over the catalogue index. Query words are taken as terms of each query language (fi, sv, en; the
/// index holds the Finnish texts plus fi/sv/en code-list names), and Swedish or English service terms are also
/// searched in Finnish through the <see cref="Glossary"/> (the request's <c>language</c> picks the side; both
/// when absent). Scores are normalised to 0..1.
/// </summary>
public sealed class TextSearchScorer(TextSearchOptions options)
{
    private readonly Tokeniser _tokeniser = new(options.Stemming);
    private readonly IReadOnlyList<string> _queryLanguages = options.QueryLanguages is { Count: > 0 } listed ? listed : TextSearchOptions.DefaultQueryLanguages;

    public List<ScoredService> Score(CatalogueSnapshot catalogue, string searchText, string? language, ServiceFilterSpec filter, int take)
    {
        var text = FilterSpecialCharacters(searchText);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lang in _queryLanguages)
            terms.UnionWith(_tokeniser.Terms(text, lang));
        if (terms.Count == 0) return [];
        var finnish = options.UseGlossary ? Glossary.Default.ToFinnish(text, language) : "";
        terms.UnionWith(_tokeniser.Terms(finnish, "fi"));
        if (options.NGramWeight > 0) terms.UnionWith(_tokeniser.Grams(text + " " + finnish));
        var services = catalogue.Services;
        return catalogue.TextIndex.Search(terms, position => ServiceFilter.Matches(services[position], filter), take)
            .Select(r => new ScoredService(r.Doc, r.Score))
            .ToList();
    }

    /// <summary>The original's <c>filter_special_chars</c>: keeps 0-9, a-z, A-Z, äÄöÖåÅ, Cyrillic а-я/А-Я, space and '-'.</summary>
    public static string FilterSpecialCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
            if (char.IsAsciiLetterOrDigit(ch) || ch is ' ' or '-' or 'ä' or 'Ä' or 'ö' or 'Ö' or 'å' or 'Å' or (>= 'а' and <= 'я') or (>= 'А' and <= 'Я'))
                sb.Append(ch);
        return sb.ToString();
    }
}

using System.Text;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;

namespace AuroraBots.Network.Search;

/// <summary>
/// Ranks services for free text: BM25 over the catalogue index with query terms in fi, sv and en (the original
/// ignores <c>language</c>; we try every language, which is how Swedish and English reach Finnish services
/// through the localised code lists). Scores are normalised to 0..1.
/// </summary>
public static class TextSearchScorer
{
    public static List<ScoredService> Score(
        CatalogueSnapshot catalogue, Tokeniser tokeniser, string searchText, ServiceFilterSpec filter, int take, double ngramWeight = 0.3)
    {
        var text = FilterSpecialCharacters(searchText);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in (string[])["fi", "sv", "en"])
            terms.UnionWith(tokeniser.Terms(text, language));
        if (terms.Count == 0) return [];
        if (ngramWeight > 0) terms.UnionWith(tokeniser.Grams(text));
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

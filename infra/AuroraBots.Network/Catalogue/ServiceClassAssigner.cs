using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Network.Search;

namespace AuroraBots.Network.Catalogue;

/// <summary>
/// Gives a service without PTV class data the best-matching second-level PTV service class, by BM25 between the
/// service's Finnish name + summary and the class's Finnish label + description. The result is synthesised and
/// marked so in the catalogue; it gives the service-class filter and sv/en search something to work with.
/// </summary>
internal sealed class ServiceClassAssigner
{
    private readonly IReadOnlyList<ServiceClass> _classes;
    private readonly Bm25Index _index;
    private readonly Tokeniser _tokeniser = new(StemmingMode.Snowball);

    public ServiceClassAssigner(AuroraCodeLists codes)
    {
        _classes = codes.ServiceClasses.Where(c => c.ParentUri is not null).ToList();
        var documents = _classes.Select(c =>
        {
            var bag = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in _tokeniser.Terms(c.Name.Fi + " " + c.Name.Fi + " " + c.Description.Fi, "fi"))
                bag[term] = bag.GetValueOrDefault(term) + 1;
            return (IReadOnlyDictionary<string, int>)bag;
        }).ToList();
        _index = new Bm25Index(documents, new TextSearchOptions { PrefixWeight = 0 });
    }

    public ServiceClass? Assign(string name, string summary)
    {
        var terms = _tokeniser.Terms(name + " " + name + " " + summary, "fi").Distinct().ToList();
        var best = _index.Search(terms, _ => true, 1);
        return best.Count == 1 && best[0].Score >= 0.08 ? _classes[best[0].Doc] : null;
    }
}

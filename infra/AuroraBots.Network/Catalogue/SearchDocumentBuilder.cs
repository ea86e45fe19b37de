using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Search;

namespace AuroraBots.Network.Catalogue;

/// <summary>
/// What text search matches a service on: its Finnish name (weighted) and summary/description, plus the fi/sv/en
/// names of its service classes, its 3X10D meters, its municipalities (or "nationwide") and target groups, so
/// Swedish and English queries reach Finnish-only PTV texts through the code lists.
/// </summary>
internal sealed class SearchDocumentBuilder(Tokeniser tokeniser, AuroraCodeLists codes, TextSearchOptions options)
{
    private static readonly LocalisedText Nationwide = new("valtakunnallinen koko suomi", "riksomfattande hela finland", "nationwide national finland");

    public IReadOnlyDictionary<string, int> Build(CatalogueService service, IReadOnlyDictionary<string, string>? extraNames = null)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string text, string language, int weight = 1)
        {
            foreach (var term in tokeniser.Terms(text, language))
                bag[term] = bag.GetValueOrDefault(term) + weight;
        }

        Add(service.Name, "fi", options.NameWeight);
        Add(service.Summary, "fi");
        Add(service.Description, "fi");
        if (options.NGramWeight > 0)
            foreach (var gram in tokeniser.Grams(service.Name + " " + service.Name + " " + service.Summary))
                bag[gram] = bag.GetValueOrDefault(gram) + 1;
        if (extraNames is not null)
            foreach (var (language, text) in extraNames)
                if (language != "fi") Add(text, language, options.NameWeight);

        foreach (var uri in service.ServiceClassUris)
        {
            if (!codes.ServiceClassesByUri.TryGetValue(uri, out var serviceClass)) continue;
            AddLocalised(serviceClass.Name);
            if (serviceClass.ParentUri is { } parent && codes.ServiceClassesByUri.TryGetValue(parent, out var parentClass))
                AddLocalised(parentClass.Name);
        }
        if (service.Labels is { } labels)
            for (var i = 0; i < labels.Length; i++)
                if (labels[i] > 0) AddLocalised(MeterNames.Names[LifeSituationMeters.All[i]]);
        if (service.IsNational) AddLocalised(Nationwide);
        foreach (var code in service.MunicipalityCodes)
            if (codes.MunicipalityNames.TryGetValue(code, out var municipality)) AddLocalised(municipality);
        return bag;

        void AddLocalised(LocalisedText text)
        {
            Add(text.Fi, "fi");
            Add(text.Sv, "sv");
            Add(text.En, "en");
        }
    }
}

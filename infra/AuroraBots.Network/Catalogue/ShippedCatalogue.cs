using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Network.Catalogue;

/// <summary>
/// Builds the shipped catalogue from the embedded AuroraAI labelling CSVs:
/// <list type="bullet">
/// <item><c>service_vectors_from_test_xlsx.csv</c> gives the 3X10D labels and municipality codes (the data
/// loader's layout; excluded rows stay searchable but unlabelled);</item>
/// <item><c>service_labels_palvelut_turku_oulu_mikkeli.csv</c> adds names and summaries of further services, all
/// unlabelled (a separate labelling round whose labels disagree with the first).</item>
/// </list>
/// Channels, service classes, target group and funding type are synthesised and listed in <c>synthesised</c>.
/// </summary>
internal static class ShippedCatalogue
{
    public const string VectorsFile = "service_vectors_from_test_xlsx.csv";
    public const string LabelsFile = "service_labels_palvelut_turku_oulu_mikkeli.csv";

    private static readonly IReadOnlyDictionary<string, string> SheetMunicipality = new Dictionary<string, string>
    {
        ["Turku"] = "853", ["Oulu"] = "564", ["Mikkeli"] = "491", ["kansalliset"] = "national",
    };

    private static readonly IReadOnlyDictionary<string, string> MunicipalitySites = new Dictionary<string, string>
    {
        ["853"] = "https://www.turku.fi/", ["564"] = "https://www.ouka.fi/", ["491"] = "https://www.mikkeli.fi/",
    };

    public static List<CatalogueService> Build(AuroraCodeLists codes)
    {
        var assigner = new ServiceClassAssigner(codes);
        var services = new List<CatalogueService>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var row in Read(VectorsFile))
        {
            if (!seen.Add(row["service_id"])) continue;
            var labels = LifeSituationMeters.All.Select(m => row[m] == "1" ? 1f : 0f).ToArray();
            var excluded = row["excluded"] == "1";
            services.Add(Create(row, row["municipality_code"], excluded ? null : labels, VectorsFile, codes, assigner));
        }
        foreach (var row in Read(LabelsFile))
        {
            if (!seen.Add(row["service_id"])) continue;
            var municipality = SheetMunicipality.GetValueOrDefault(row["sheet"], "national");
            services.Add(Create(row, municipality, null, LabelsFile, codes, assigner));
        }
        return services;
    }

    private static IEnumerable<Dictionary<string, string>> Read(string file)
    {
        using var stream = typeof(ShippedCatalogue).Assembly.GetManifestResourceStream("Network.catalogue." + file)
            ?? throw new InvalidOperationException($"Embedded catalogue file '{file}' is missing.");
        using var reader = new StreamReader(stream);
        foreach (var record in CsvReader.ReadRecords(reader).ToList())
            yield return record;
    }

    private static CatalogueService Create(
        Dictionary<string, string> row, string municipality, float[]? labels, string source,
        AuroraCodeLists codes, ServiceClassAssigner assigner)
    {
        var id = row["service_id"];
        var name = row["name"].Trim();
        var summary = row["summary"].Trim();
        var national = municipality == "national";
        var serviceClass = assigner.Assign(name, summary);
        var synthesised = new List<string> { "channels", "target_groups", "funding_type", "areas" };
        if (serviceClass is not null) synthesised.Add("service_class_uris");

        return new CatalogueService
        {
            ServiceId = id,
            Name = name,
            Summary = summary,
            AreaType = national ? "Nationwide" : "LimitedType",
            MunicipalityCodes = national ? [] : [municipality],
            Areas = national ? null : PtvAreas.ForMunicipalities([municipality]),
            Labels = labels,
            ServiceClassUris = serviceClass is null ? [] : [serviceClass.Uri],
            TargetGroups = ["KR1"],
            FundingType = "PubliclyFunded",
            Channels = SynthesiseChannels(id, name, national ? null : municipality, codes),
            Source = source,
            Synthesised = synthesised.ToArray(),
        };
    }

    /// <summary>Web page, phone and e-channel so result cards have something to show; all marked synthesised.</summary>
    private static CatalogueChannel[] SynthesiseChannels(string serviceId, string name, string? municipality, AuroraCodeLists codes)
    {
        var site = municipality is null ? "https://www.suomi.fi/" : MunicipalitySites.GetValueOrDefault(municipality, "https://www.suomi.fi/");
        var place = municipality is null ? "Suomi.fi" : codes.MunicipalityNamesFi.GetValueOrDefault(municipality, municipality);
        return
        [
            new CatalogueChannel
            {
                ChannelId = SynthesisedIds.From(serviceId + "/WebPage"), Type = "WebPage",
                Name = $"{name} – {place}", Summary = $"Lisätietoa palvelusta: {place}.", WebPages = [site], Synthesised = true,
            },
            new CatalogueChannel
            {
                ChannelId = SynthesisedIds.From(serviceId + "/Phone"), Type = "Phone",
                Name = "Kansalaisneuvonta", Summary = "Neuvontaa julkisten palvelujen löytämisessä.",
                PhoneNumbers = ["Kansalaisneuvonta 0295 000 535"], ServiceHours = ["Monday 09:00:00 - 16:00:00, Tuesday 09:00:00 - 16:00:00, Wednesday 09:00:00 - 16:00:00, Thursday 09:00:00 - 16:00:00, Friday 09:00:00 - 15:00:00"],
                Synthesised = true,
            },
            new CatalogueChannel
            {
                ChannelId = SynthesisedIds.From(serviceId + "/EChannel"), Type = "EChannel",
                Name = $"Verkkoasiointi: {name}", Summary = "Asioi verkossa.", WebPages = [site], Synthesised = true,
            },
        ];
    }
}

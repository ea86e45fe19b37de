using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Catalogue.Hygiene;

namespace AuroraBots.Network.Catalogue;

/// <summary>
/// Builds the shipped catalogue from the embedded AuroraAI labelling CSVs:
/// <list type="bullet">
/// <item><c>service_vectors_from_test_xlsx.csv</c> gives the 3X10D labels and municipality codes (the data
/// loader's layout);</item>
/// <item><c>service_labels_palvelut_turku_oulu_mikkeli.csv</c> adds names and summaries of further services, all
/// unlabelled (a separate labelling round whose labels disagree with the first).</item>
/// </list>
/// Hygiene (<see cref="HygieneReport"/>): rows marked <c>excluded</c> ("EI MUKAAN") are dropped as the original data
/// loader drops them; target groups come from <see cref="TargetGroupClassifier"/>; a row whose text is about one
/// other municipality (or, for national rows, one region) gets that area (<see cref="AreaMentionDetector"/>).
/// The data has no channels: none are invented (a card shows only what PTV data gives).
/// Service classes are synthesised and listed in <c>synthesised</c>.
/// </summary>
internal static class ShippedCatalogue
{
    public const string VectorsFile = "service_vectors_from_test_xlsx.csv";
    public const string LabelsFile = "service_labels_palvelut_turku_oulu_mikkeli.csv";

    private static readonly IReadOnlyDictionary<string, string> SheetMunicipality = new Dictionary<string, string>
    {
        ["Turku"] = "853", ["Oulu"] = "564", ["Mikkeli"] = "491", ["kansalliset"] = "national",
    };

    public static List<CatalogueService> Build(AuroraCodeLists codes) => Build(codes, out _);

    public static List<CatalogueService> Build(AuroraCodeLists codes, out HygieneReport report)
    {
        var assigner = new ServiceClassAssigner(codes);
        var areas = new AreaMentionDetector(codes);
        var hygiene = new HygieneCounter();
        var services = new List<CatalogueService>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var row in Read(VectorsFile))
        {
            if (!seen.Add(row["service_id"])) continue;
            hygiene.Rows++;
            if (row["excluded"] == "1") { hygiene.Excluded.Add(row["service_id"]); continue; }
            var labels = LifeSituationMeters.All.Select(m => row[m] == "1" ? 1f : 0f).ToArray();
            services.Add(Create(row, row["municipality_code"], labels, VectorsFile, assigner, areas, hygiene));
        }
        foreach (var row in Read(LabelsFile))
        {
            if (!seen.Add(row["service_id"])) continue;
            hygiene.Rows++;
            if (row["excluded"] == "1") { hygiene.Excluded.Add(row["service_id"]); continue; }
            var municipality = SheetMunicipality.GetValueOrDefault(row["sheet"], "national");
            services.Add(Create(row, municipality, null, LabelsFile, assigner, areas, hygiene));
        }
        report = hygiene.ToReport();
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
        ServiceClassAssigner assigner, AreaMentionDetector areas, HygieneCounter hygiene)
    {
        var id = row["service_id"];
        var name = row["name"].Trim();
        var summary = row["summary"].Trim();
        var synthesised = new List<string> { "target_groups", "funding_type", "areas" };

        var (group, _) = TargetGroupClassifier.Classify(name, summary);
        if (group != TargetGroupClassifier.Citizens) hygiene.NonCitizen.Add(id);

        var national = municipality == "national";
        string[] municipalities = national ? [] : [municipality];
        System.Text.Json.JsonElement? ptvAreas = national ? null : PtvAreas.ForMunicipalities(municipalities);
        if (areas.Find(name, summary, national) is { } mention)
        {
            if (mention.Kind == "Municipality" && mention.Code != municipality)
            {
                (national ? hygiene.NationalToMunicipality : hygiene.OtherMunicipality).Add(id);
                national = false;
                municipalities = [mention.Code];
                ptvAreas = PtvAreas.ForMunicipalities(municipalities);
            }
            else if (mention.Kind == "Region" && national && AuroraCodeLists.Default.RegionMunicipalities.TryGetValue(mention.Code, out var members))
            {
                hygiene.NationalToRegion.Add(id);
                national = false;
                municipalities = members;
                ptvAreas = PtvAreas.ForRegion(mention.Code);
            }
        }

        var serviceClass = assigner.Assign(name, summary);
        if (serviceClass is not null) synthesised.Add("service_class_uris");
        return new CatalogueService
        {
            ServiceId = id,
            Name = name,
            Summary = summary,
            AreaType = national ? "Nationwide" : "LimitedType",
            MunicipalityCodes = municipalities,
            Areas = ptvAreas,
            Labels = labels is not null && labels.Any(l => l > 0) ? labels : null,
            ServiceClassUris = serviceClass is null ? [] : [serviceClass.Uri],
            TargetGroups = [group],
            FundingType = "PubliclyFunded",
            Source = source,
            Synthesised = synthesised.ToArray(),
        };
    }
}

using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Catalogue.Hygiene;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace AuroraBots.Network.Tests;

/// <summary>
/// The hygiene rules of the shipped catalogue, each on real rows of the AuroraAI workbooks (ids from the CSVs in
/// infra/AuroraBots.Network/Data/catalogue; the rows are named in the comments).
/// </summary>
public sealed class CatalogueHygieneTests(ITestOutputHelper output)
{
    private static readonly HygieneReport Report = BuildReport();
    private static readonly CatalogueSnapshot Snapshot = BuildSnapshot();

    private static HygieneReport BuildReport()
    {
        ShippedCatalogue.Build(AuroraCodeLists.Default, out var report);
        return report;
    }

    private static CatalogueSnapshot BuildSnapshot()
    {
        var options = Options.Create(new NetworkOptions { DevClient = new DevClientOptions { Enabled = false } });
        return new ServiceCatalogue(options, new AuroraServiceRegistry(options), NullLogger<ServiceCatalogue>.Instance).Current;
    }

    private static readonly ServiceFilterSpec CitizensOnly = ServiceFilterSpec.None with { TargetGroups = new HashSet<string> { "KR1" } };

    [Fact]
    public void Excluded_rows_are_dropped_from_the_catalogue_and_from_text_search()
    {
        // "Sosiaalipalvelujen tarpeiden selvittäminen" (vectors file, Mikkeli) and "Poronhoitajan sijaisapukorvaus",
        // "Lääkeneuvola", "Maatilojen sukupolvenvaihdoksen asiantuntijaneuvonta" (labels file, national) are EI MUKAAN.
        string[] excluded = ["9056613e-5454-4604-9a1e-d1db9697c91d", "ec729bc6-bfd6-4cb7-8685-ca129d0552e0",
            "787b930f-a985-423d-9088-619a9846aa2a", "c70f8098-9baf-43ff-9711-544583468407"];
        Assert.All(excluded, id => Assert.Contains(id, Report.Excluded));
        Assert.All(excluded, id => Assert.Null(Snapshot.Find(id)));
        Assert.InRange(Report.Excluded.Count, 1000, 1200); // SOURCE.md: 919 + 200 labels-file rows, 1 vectors row, overlaps
        foreach (var query in (string[])["poronhoitajan sijaisapu", "lääkeneuvola", "maatilojen sukupolvenvaihdos", "sosiaalipalvelujen tarpeiden selvittäminen"])
        {
            var found = TopIds(query, ServiceFilterSpec.None, 20);
            Assert.DoesNotContain(found, Report.Excluded.Contains);
        }
    }

    [Theory]
    [InlineData("786f2241-b749-40c7-8290-a85d011cbf58", "KR2")] // Nuoren viljelijän aloitustuki (farmers)
    [InlineData("990d2d05-c23d-469e-a103-00827491e7d4", "KR2")] // Nuoren elinkeinonharjoittajan aloitustuki (reindeer herders)
    [InlineData("640de954-1999-4177-b349-8b88618d61ff", "KR2")] // Korkotukilainahakemusten vastaanotto (housing builders)
    [InlineData("91327b64-843c-4596-949e-820a0539b975", "KR2")] // Hissiavustukset ("Taloyhtiöt voivat ...")
    [InlineData("80aebd11-e152-4b87-842b-661357b2a7a8", "KR1")] // Kuluttajaneuvonta: a dispute "with a business", for consumers
    [InlineData("fbbe9f3e-0936-4900-b024-4f91ae8c1616", "KR1")] // Reklamaatioapuri: a complaint "to a business"
    [InlineData("416e59a8-bf0a-4202-86e4-2aded839191a", "KR1")] // verkostot "kunnille, yrityksille ja kansalaisille"
    [InlineData("80502edd-b8d6-4d16-ab5a-ced30afc7211", "KR1")] // Yleisurheilukentät "kouluille, seuroille ja kuntalaisille"
    public void Target_groups_come_from_whom_the_text_addresses(string serviceId, string expected)
    {
        var service = Snapshot.Find(serviceId)!;
        Assert.Equal([expected], service.TargetGroups);
        Assert.Contains("target_groups", service.Synthesised);
        Assert.Equal(expected != "KR1", Report.NonCitizen.Contains(serviceId));
    }

    [Fact]
    public void Citizens_never_get_non_citizen_services_from_either_endpoint()
    {
        var nonCitizen = Snapshot.Services.Where(s => s.TargetGroups.Any(g => g != "KR1")).Select(s => s.ServiceId).ToHashSet();
        Assert.True(nonCitizen.Count >= 20, $"only {nonCitizen.Count} services recognised as not for citizens");
        foreach (var query in (string[])["nuoren viljelijän tuki", "korkotukilaina", "hissiavustus taloyhtiölle", "yrityksen perustaminen", "urheiluseuran avustus"])
        {
            Assert.Contains(TopIds(query, ServiceFilterSpec.None, 5), nonCitizen.Contains); // the rows exist and match ...
            Assert.DoesNotContain(TopIds(query, CitizensOnly, 50), nonCitizen.Contains); // ... but not for citizens
        }
        var meters = LifeSituationMeters().ToDictionary(m => m, _ => (IReadOnlyList<int>)[2]);
        var recommended = LifeSituationScorer.Score(Snapshot, meters, CitizensOnly, 50).Select(s => Snapshot.Services[s.Position].ServiceId);
        Assert.DoesNotContain(recommended, nonCitizen.Contains);
    }

    [Theory]
    [InlineData("8788a928-d903-47e1-86b6-f336c104178f", "Municipality", "560")] // Kunnan vuokra-asunnot: "Orimattilan Vuokratalot"
    [InlineData("12df64b7-3947-4e2d-bcee-ddc36e95baac", "Municipality", "257")] // Etsivä nuorisotyö "Kirkkonummen kunnassa"
    [InlineData("d7a98f7b-d19d-48db-ad30-f1659bde327c", "Region", "19")]        // Lapin maakuntamuseon kuva-arkisto
    [InlineData("e10b7751-2b5f-4b63-b33e-2a1a66eca6cf", "Region", "14")]        // Etelä-Pohjanmaan tapahtumakalenteri (names Seinäjoki too)
    [InlineData("80502edd-b8d6-4d16-ab5a-ced30afc7211", "Municipality", "753")] // Mikkeli sheet: "Sipoon kunnan yleisurheilukentät"
    [InlineData("c1ca34bc-2aa5-42d7-8ab9-2488b1dcbaf4", "Municipality", "564")] // Oulu: "Ruskon jätekeskus" is in Oulu (homonym)
    [InlineData("0c7a77fc-798d-49a4-be68-b2bf5bbe8d34", "Municipality", "564")] // Oulu's own Etsivä nuorisotyö stays Oulu's
    public void Rows_about_one_place_belong_to_that_place(string serviceId, string type, string code)
    {
        var service = Snapshot.Find(serviceId)!;
        Assert.False(service.IsNational);
        var area = service.Areas!.Value[0];
        Assert.Equal(type, area.GetProperty("type").GetString());
        Assert.Equal(code, area.GetProperty("code").GetString());
        if (type == "Region") Assert.Equal(AuroraCodeLists.Default.RegionMunicipalities[code], service.MunicipalityCodes);
        else Assert.Equal([code], service.MunicipalityCodes);
    }

    [Fact]
    public void A_user_in_tampere_or_vaasa_gets_no_other_municipality_rows_marked_national()
    {
        var tampere = ServiceFilterSpec.None with { MunicipalityCodes = new HashSet<string> { "837" } };
        var found = TopIds("vuokra-asunnot etsivä nuorisotyö", tampere, 50).Select(id => Snapshot.Find(id)!);
        Assert.All(found, s => Assert.True(s.IsNational || s.MunicipalityCodes.Contains("837"), s.Name));
        Assert.DoesNotContain(found, s => s.ServiceId is "8788a928-d903-47e1-86b6-f336c104178f" or "12df64b7-3947-4e2d-bcee-ddc36e95baac");
    }

    [Fact]
    public void The_report_counts_every_rule()
    {
        output.WriteLine(Report.ToString());
        Assert.Equal(Report.Rows - Report.Excluded.Count, Snapshot.Services.Length);
        Assert.True(Report.NationalToMunicipality.Count >= 5);
        Assert.True(Report.NationalToRegion.Count >= 2);
        Assert.True(Report.OtherMunicipality.Count >= 2);
    }

    private static IEnumerable<string> LifeSituationMeters() => AuroraBots.AuroraAI.Models.LifeSituationMeters.All;

    private static List<string> TopIds(string query, ServiceFilterSpec filter, int take) =>
        new Search.TextSearchScorer(new Search.TextSearchOptions()).Score(Snapshot, query, "fi", filter, take)
            .Select(s => Snapshot.Services[s.Position].ServiceId).ToList();
}

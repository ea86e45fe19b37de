using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Tests;

/// <summary>The catalogue built from the shipped AuroraAI data (numbers from the data's SOURCE.md).</summary>
public sealed class ShippedCatalogueTests
{
    private static readonly CatalogueSnapshot Snapshot = Build();

    private static CatalogueSnapshot Build()
    {
        var options = Options.Create(new NetworkOptions { DevClient = new DevClientOptions { Enabled = false } });
        return new ServiceCatalogue(options, new AuroraServiceRegistry(options), NullLogger<ServiceCatalogue>.Instance).Current;
    }

    [Fact]
    public void Holds_every_distinct_service_of_both_files_that_is_not_excluded()
    {
        // 233 ids in the vectors file (1 excluded); the labels file adds its non-excluded ids (the two overlap).
        Assert.Equal(Snapshot.Services.Length, Snapshot.Services.Select(s => s.ServiceId).Distinct().Count());
        Assert.InRange(Snapshot.Services.Length, 600, 800);
        Assert.Equal(232, Snapshot.Services.Count(s => s.Source == ShippedCatalogue.VectorsFile));
    }

    [Fact]
    public void Labels_come_only_from_the_vectors_file_without_excluded_rows()
    {
        var labelled = Snapshot.Services.Where(s => s.IsLabelled).ToList();
        Assert.All(labelled, s => Assert.Equal(ShippedCatalogue.VectorsFile, s.Source));
        Assert.Equal(225, labelled.Count); // the one excluded row carries no label
        // SOURCE.md label counts (the single excluded row may remove at most one per meter).
        Assert.InRange(labelled.Count(s => s.Labels![7] > 0), 94, 95); // improvement_of_strengths
        Assert.InRange(labelled.Count(s => s.Labels![2] > 0), 22, 23); // housing
    }

    [Fact]
    public void Municipality_codes_and_national_rows_follow_the_source()
    {
        var vectors = Snapshot.Services.Where(s => s.Source == ShippedCatalogue.VectorsFile).ToList();
        // SOURCE.md: 54 national, 90 Oulu, 60 Mikkeli (one excluded), 29 Turku; hygiene moves rows about one other place.
        Assert.InRange(vectors.Count(s => s.IsNational), 50, 54);
        Assert.InRange(vectors.Count(s => s.MunicipalityCodes.SequenceEqual(["564"])), 88, 90);
        Assert.InRange(vectors.Count(s => s.MunicipalityCodes.SequenceEqual(["491"])), 55, 59);
        Assert.InRange(vectors.Count(s => s.MunicipalityCodes.SequenceEqual(["853"])), 27, 29);
    }

    [Fact]
    public void No_channel_is_invented_for_services_whose_data_has_none()
    {
        // The workbooks carry no channels: no phone number, address, opening hours or web page may appear as a fact.
        Assert.All(Snapshot.Services, s => Assert.Empty(s.Channels));
    }

    [Fact]
    public void Assigned_service_classes_are_valid_codes_and_marked()
    {
        var classified = Snapshot.Services.Where(s => s.ServiceClassUris.Length > 0).ToList();
        Assert.True(classified.Count > Snapshot.Services.Length / 2);
        Assert.All(classified, s =>
        {
            Assert.All(s.ServiceClassUris, uri => Assert.True(AuroraCodeLists.Default.ServiceClassesByUri.ContainsKey(uri)));
            Assert.Contains("service_class_uris", s.Synthesised);
        });
    }
}

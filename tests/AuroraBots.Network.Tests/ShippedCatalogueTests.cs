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
    public void Holds_every_distinct_service_of_both_files()
    {
        // 233 ids in the vectors file; the labels file adds the rest of its 1 790 ids (the two overlap).
        Assert.Equal(Snapshot.Services.Length, Snapshot.Services.Select(s => s.ServiceId).Distinct().Count());
        Assert.InRange(Snapshot.Services.Length, 1790, 233 + 1790);
        Assert.Equal(233, Snapshot.Services.Count(s => s.Source == ShippedCatalogue.VectorsFile));
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
        Assert.Equal(54, vectors.Count(s => s.IsNational));
        Assert.Equal(90, vectors.Count(s => s.MunicipalityCodes.SequenceEqual(["564"])));
        Assert.Equal(60, vectors.Count(s => s.MunicipalityCodes.SequenceEqual(["491"])));
        Assert.Equal(29, vectors.Count(s => s.MunicipalityCodes.SequenceEqual(["853"])));
    }

    [Fact]
    public void Every_service_has_marked_synthesised_channels_of_the_three_kinds()
    {
        Assert.All(Snapshot.Services, s =>
        {
            Assert.Equal(["WebPage", "Phone", "EChannel"], s.Channels.Select(c => c.Type));
            Assert.All(s.Channels, c => Assert.True(c.Synthesised));
            Assert.Contains("channels", s.Synthesised);
            Assert.All(s.Channels, c => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", c.ChannelId));
        });
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

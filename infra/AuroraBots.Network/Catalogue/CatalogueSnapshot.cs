using System.Collections.Frozen;
using AuroraBots.Network.Search;

namespace AuroraBots.Network.Catalogue;

/// <summary>An immutable view of the catalogue with its text index; replaced as a whole when registrations change.</summary>
public sealed class CatalogueSnapshot
{
    public required CatalogueService[] Services { get; init; }
    public required FrozenDictionary<string, int> PositionById { get; init; }
    public required Bm25Index TextIndex { get; init; }
    public required int RegistryVersion { get; init; }

    /// <summary>Positions of the labelled services, and their labels flattened (10 per service), for a cache-friendly scan.</summary>
    public required int[] LabelledPositions { get; init; }
    public required float[] LabelMatrix { get; init; }

    /// <summary>Every channel by id with the service it first appears in.</summary>
    public required FrozenDictionary<string, (CatalogueService Service, CatalogueChannel Channel)> ChannelsById { get; init; }

    public CatalogueService? Find(string serviceId) =>
        PositionById.TryGetValue(serviceId, out var position) ? Services[position] : null;
}

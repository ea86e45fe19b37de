using System.Collections.Frozen;
using System.Text.Json;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Search;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Catalogue;

/// <summary>
/// Holds the catalogue: the shipped (or configured) services, their synthetic copies for load tests, and one
/// catalogue entry per registered receiving service. The snapshot is rebuilt lazily when the registry changes.
/// </summary>
public sealed class ServiceCatalogue
{
    private readonly NetworkOptions _options;
    private readonly AuroraCodeLists _codes;
    private readonly IAuroraServiceRegistry _registry;
    private readonly ILogger<ServiceCatalogue> _logger;
    private readonly Lazy<CatalogueService[]> _baseServices;
    private readonly Lock _gate = new();
    private CatalogueSnapshot? _snapshot;

    public ServiceCatalogue(IOptions<NetworkOptions> options, IAuroraServiceRegistry registry, ILogger<ServiceCatalogue> logger)
    {
        _options = options.Value;
        _codes = AuroraCodeLists.Default;
        _registry = registry;
        _logger = logger;
        _baseServices = new Lazy<CatalogueService[]>(LoadBaseServices);
    }

    public CatalogueSnapshot Current
    {
        get
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null && snapshot.RegistryVersion == _registry.Version) return snapshot;
            lock (_gate)
            {
                var version = _registry.Version;
                if (_snapshot is null || _snapshot.RegistryVersion != version)
                    Volatile.Write(ref _snapshot, Build(version));
                return _snapshot!;
            }
        }
    }

    private CatalogueService[] LoadBaseServices()
    {
        List<CatalogueService> services;
        if (!string.IsNullOrEmpty(_options.CatalogueFile))
        {
            using var stream = File.OpenRead(_options.CatalogueFile);
            services = JsonSerializer.Deserialize(stream, CatalogueJsonContext.Default.CatalogueDocument)?.Services ?? [];
        }
        else
        {
            services = ShippedCatalogue.Build(_codes, out var hygiene);
            _logger.LogInformation("AuroraAI catalogue hygiene: {Hygiene}", hygiene);
        }
        if (services.FirstOrDefault(s => s.Labels is { Length: not 10 }) is { } bad)
            throw new InvalidDataException($"Catalogue service {bad.ServiceId}: 'labels' needs 10 values (meters in LifeSituationMeters.All order).");
        var copies = Math.Max(1, _options.CatalogueCopies);
        var all = new List<CatalogueService>(services.Count * copies);
        all.AddRange(services);
        for (var copy = 1; copy < copies; copy++)
            all.AddRange(services.Select(s => SyntheticCopy(s, copy)));
        _logger.LogInformation("AuroraAI catalogue loaded: {Services} services ({Labelled} labelled), {Copies} cop(ies)",
            all.Count, all.Count(s => s.IsLabelled), copies);
        return all.ToArray();
    }

    private CatalogueSnapshot Build(int registryVersion)
    {
        var tokeniser = new Tokeniser(_options.TextSearch.Stemming);
        var documents = new SearchDocumentBuilder(tokeniser, _codes, _options.TextSearch);
        var services = new List<CatalogueService>(_baseServices.Value);
        // Synthetic copies share their original's texts and arrays, so their term bags are built once.
        var built = new Dictionary<(string, string, string, float[]?, string[], string[]), IReadOnlyDictionary<string, int>>();
        var bags = services.Select(s =>
        {
            var key = (s.Name, s.Summary, s.Description, s.Labels, s.MunicipalityCodes, s.ServiceClassUris);
            if (!built.TryGetValue(key, out var bag)) built[key] = bag = documents.Build(s);
            return bag;
        }).ToList();

        ServiceClassAssigner? assigner = null;
        foreach (var registration in _registry.All.Where(r => r.ListInCatalogue && r.ServiceChannelId is not null))
        {
            var service = FromRegistration(registration);
            if (service.ServiceClassUris.Length == 0
                && (assigner ??= new ServiceClassAssigner(_codes)).Assign(service.Name, service.Summary) is { } serviceClass)
            {
                // Like shipped services without PTV data: a class by text similarity, so sv/en searches find it.
                service.ServiceClassUris = [serviceClass.Uri];
                service.Synthesised = [.. service.Synthesised, "service_class_uris"];
            }
            services.Add(service);
            var extra = registration.Name.Keys.Union(registration.Description.Keys)
                .ToDictionary(l => l, l => registration.Name.GetValueOrDefault(l, "") + " " + registration.Description.GetValueOrDefault(l, ""));
            bags.Add(documents.Build(service, extra));
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++) positions.TryAdd(services[i].ServiceId, i);
        var channels = new Dictionary<string, (CatalogueService, CatalogueChannel)>(StringComparer.Ordinal);
        foreach (var service in services)
            foreach (var channel in service.Channels)
                channels.TryAdd(channel.ChannelId, (service, channel));
        var labelled = Enumerable.Range(0, services.Count).Where(i => services[i].IsLabelled).ToArray();
        var matrix = labelled.SelectMany(i => services[i].Labels!).ToArray();
        return new CatalogueSnapshot
        {
            LabelledPositions = labelled,
            LabelMatrix = matrix,
            ChannelsById = channels.ToFrozenDictionary(StringComparer.Ordinal),
            Services = services.ToArray(),
            PositionById = positions.ToFrozenDictionary(StringComparer.Ordinal),
            TextIndex = new Bm25Index(bags, _options.TextSearch),
            RegistryVersion = registryVersion,
        };
    }

    /// <summary>A registered receiving service (e.g. one of our bots) as a catalogue service with one EChannel.</summary>
    internal static CatalogueService FromRegistration(AuroraServiceRegistration r)
    {
        var labels = r.Meters.Count == 0 ? null : LifeSituationMeters.All.Select(m => r.Meters.Contains(m) ? 1f : 0f).ToArray();
        var name = r.NameIn("fi");
        return new CatalogueService
        {
            ServiceId = r.ServiceId ?? SynthesisedIds.From("registration/" + r.ClientId),
            Name = name,
            Summary = r.Description.GetValueOrDefault("fi", ""),
            AreaType = r.MunicipalityCodes.Count == 0 ? "Nationwide" : "LimitedType",
            MunicipalityCodes = r.MunicipalityCodes.ToArray(),
            Areas = PtvAreas.ForMunicipalities(r.MunicipalityCodes),
            Labels = labels,
            ServiceClassUris = r.ServiceClassUris.ToArray(),
            TargetGroups = ["KR1"],
            FundingType = "PubliclyFunded",
            ResponsibleOrganization = new CatalogueOrganisation { Name = r.Provider.GetValueOrDefault("fi") },
            Channels =
            [
                new CatalogueChannel
                {
                    ChannelId = r.ServiceChannelId!, Type = "EChannel", Name = name,
                    Summary = r.Description.GetValueOrDefault("fi", ""), WebPages = [r.LandingUrl!], Synthesised = true,
                },
            ],
            Source = "registration",
            Synthesised = ["service", "channels", "target_groups", "funding_type"],
        };
    }

    private static CatalogueService SyntheticCopy(CatalogueService s, int copy) => new()
    {
        ServiceId = SynthesisedIds.From($"{s.ServiceId}/copy/{copy}"),
        Name = s.Name,
        Summary = s.Summary,
        Description = s.Description,
        UserInstruction = s.UserInstruction,
        AreaType = s.AreaType,
        MunicipalityCodes = s.MunicipalityCodes,
        Areas = s.Areas,
        Labels = s.Labels,
        ServiceClassUris = s.ServiceClassUris,
        TargetGroups = s.TargetGroups,
        ServiceCollections = s.ServiceCollections,
        FundingType = s.FundingType,
        ChargeType = s.ChargeType,
        ResponsibleOrganization = s.ResponsibleOrganization,
        Channels = s.Channels,
        Archived = s.Archived,
        Source = s.Source + "#copy" + copy,
        Synthesised = [.. s.Synthesised, "copy"],
    };
}

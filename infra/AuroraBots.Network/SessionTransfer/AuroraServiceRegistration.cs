namespace AuroraBots.Network.SessionTransfer;

/// <summary>
/// An AuroraAI service known to the network: its API credentials and, if it receives session transfers, the
/// e-channel it is reachable through, the attributes it accepts and its landing URL. Texts are keyed by language
/// (fi, sv, en). Bound from <c>AuroraAI:Network:Services</c> or registered in code (the host registers each bot).
/// </summary>
public sealed class AuroraServiceRegistration
{
    /// <summary>Canonical lowercase UUIDv4 used as the Basic-auth user name.</summary>
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public Dictionary<string, string> Name { get; set; } = [];
    public Dictionary<string, string> Provider { get; set; } = [];
    public Dictionary<string, string> Description { get; set; } = [];

    /// <summary>The PTV-style EChannel id; transfers to it reach this service. Null for API-only clients.</summary>
    public string? ServiceChannelId { get; set; }

    /// <summary>Attributes (<c>age</c>, <c>municipality_code</c>, <c>life_situation_meters</c>) this service accepts.</summary>
    public List<string> ReceivableAttributes { get; set; } = [];

    /// <summary>Where a transferred user lands; <c>auroraai_access_token</c> is added to its query.</summary>
    public string? LandingUrl { get; set; }

    /// <summary>
    /// When true (default) and a channel is set, the service appears in the catalogue as its own (synthesised)
    /// service with one EChannel, so recommendations and searches can lead to it.
    /// </summary>
    public bool ListInCatalogue { get; set; } = true;

    /// <summary>PTV service id of that catalogue entry; derived from the client id when empty.</summary>
    public string? ServiceId { get; set; }

    /// <summary>3X10D meters the service helps with (its 0/1 label vector); empty = text search only.</summary>
    public List<string> Meters { get; set; } = [];

    /// <summary>Municipalities served; empty = nationwide.</summary>
    public List<string> MunicipalityCodes { get; set; } = [];

    public List<string> ServiceClassUris { get; set; } = [];

    public string NameIn(string language) =>
        Name.GetValueOrDefault(language) ?? Name.GetValueOrDefault("fi") ?? Name.Values.FirstOrDefault() ?? ClientId;
}

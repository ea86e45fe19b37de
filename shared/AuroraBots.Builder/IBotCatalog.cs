namespace AuroraBots.Builder;

/// <summary>The bots this host serves, as declared by their manifests (for demo pages, widgets and the editor).</summary>
public interface IBotCatalog
{
    IReadOnlyList<BotDescriptor> Bots { get; }

    BotDescriptor? Find(string botId);
}

/// <summary>
/// What the world may know about a bot. <see cref="DisplayName"/>, <see cref="Organisation"/> and
/// <see cref="Description"/> are keyed by language (fi, sv, en).
/// </summary>
public sealed record BotDescriptor(
    string Id,
    IReadOnlyDictionary<string, string> DisplayName,
    IReadOnlyDictionary<string, string> Organisation,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<string> Languages,
    string DefaultLanguage)
{
    /// <summary>AuroraAI attributes this bot may receive in a hand-off, each with the reason it needs it.</summary>
    public IReadOnlyList<ReceivableAttribute> Receives { get; init; } = [];

    /// <summary>The PTV-style e-channel id under which this bot is registered in the AuroraAI network (session transfer target).</summary>
    public string? ServiceChannelId { get; init; }

    public string NameIn(string language) =>
        DisplayName.TryGetValue(language, out var name) ? name : DisplayName.GetValueOrDefault(DefaultLanguage, Id);
}

/// <summary>An AuroraAI attribute (<c>age</c>, <c>municipality_code</c>, <c>life_situation_meters</c>) a bot can receive, and why (fi/sv/en).</summary>
public sealed record ReceivableAttribute(string Attribute, IReadOnlyDictionary<string, string> Purpose);

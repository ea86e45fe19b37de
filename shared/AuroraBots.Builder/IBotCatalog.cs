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
    public string NameIn(string language) =>
        DisplayName.TryGetValue(language, out var name) ? name : DisplayName.GetValueOrDefault(DefaultLanguage, Id);
}

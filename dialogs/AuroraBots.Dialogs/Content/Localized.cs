namespace AuroraBots.Dialogs.Content;

/// <summary>
/// A user-visible text: either a map by language (<c>{fi: …, sv: …, en: …}</c>) or a reference
/// <c>"@key"</c> to a text in <c>texts.yaml</c> (the bot's own first, then the shared one).
/// </summary>
public sealed class LocalizedText
{
    public Dictionary<string, string> ByLanguage { get; } = new(StringComparer.Ordinal);

    /// <summary>The key after <c>@</c>, when this text is a reference.</summary>
    public string? Reference { get; init; }

    public static LocalizedText Of(IReadOnlyDictionary<string, string> values)
    {
        var text = new LocalizedText();
        foreach (var (language, value) in values) text.ByLanguage[language] = value;
        return text;
    }

    public static LocalizedText Ref(string key) => new() { Reference = key };

    public override string ToString() => Reference is not null ? "@" + Reference : string.Join(" | ", ByLanguage.Select(kv => $"{kv.Key}: {kv.Value}"));
}

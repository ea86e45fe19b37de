namespace AuroraBots.AuroraAI.CodeLists;

/// <summary>A label in the three platform languages; missing languages fall back to Finnish.</summary>
public sealed record LocalisedText(string Fi, string Sv, string En)
{
    public string In(string language) => language switch
    {
        "sv" => Sv,
        "en" => En,
        _ => Fi,
    };

    public IEnumerable<string> All => [Fi, Sv, En];
}

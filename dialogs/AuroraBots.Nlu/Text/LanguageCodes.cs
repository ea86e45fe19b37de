namespace AuroraBots.Nlu.Text;

internal static class LanguageCodes
{
    /// <summary>"fi-FI", "SV", "en-GB" → "fi", "sv", "en"; anything else falls back to Finnish.</summary>
    public static string Normalise(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "fi";
        }
        var primary = language.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary is "fi" or "sv" or "en" ? primary : "fi";
    }

    public static bool IsSupported(string? language) =>
        language is not null && language.Split('-', '_')[0].Trim().ToLowerInvariant() is "fi" or "sv" or "en";
}

namespace AuroraBots.Nlu.Text;

/// <summary>
/// Locale codes as the NLU understands them: the languages it has models, lexicons and examples for
/// (<see cref="Language.LanguageDetector.SupportedLanguages"/>, the first being the fallback). The platform's
/// configured languages (AuroraBots.Platform <c>Languages</c>) must be among these.
/// </summary>
internal static class LanguageCodes
{
    private static IReadOnlyList<string> Supported => Language.LanguageDetector.SupportedLanguages;

    /// <summary>"fi-FI", "SV", "en-GB" → "fi", "sv", "en"; anything else falls back to the first (Finnish).</summary>
    public static string Normalise(string? language) =>
        Primary(language) is { } primary && Supported.Contains(primary) ? primary : Supported[0];

    public static bool IsSupported(string? language) => Primary(language) is { } primary && Supported.Contains(primary);

    private static string? Primary(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Split('-', '_')[0].Trim().ToLowerInvariant();
}

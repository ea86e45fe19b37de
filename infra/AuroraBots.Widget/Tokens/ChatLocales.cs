namespace AuroraBots.Widget.Tokens;

/// <summary>Maps our language codes to the Web Chat locales whose UI strings ship in the bundle.</summary>
public static class ChatLocales
{
    public static string ToWebChatLocale(string language) => language switch
    {
        "fi" => "fi-FI",
        "sv" => "sv-SE",
        _ => "en-US",
    };

    /// <summary>The two-letter language of a locale such as <c>sv-SE</c> or <c>fi</c>; null for anything else.</summary>
    public static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var language = locale.Split('-', 2)[0].ToLowerInvariant();
        return language is "fi" or "sv" or "en" ? language : null;
    }

    /// <summary>Random user id for a conversation: URL-safe (Direct Line puts it in paths unencoded), no personal data.</summary>
    public static string NewUserId() => "u_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}

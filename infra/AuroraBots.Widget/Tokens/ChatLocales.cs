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

    /// <summary>
    /// The primary language of a locale such as <c>sv-SE</c> or <c>fi</c>; callers check it against the tenant's or
    /// the bot's own languages (from configuration and content), so no list is kept here.
    /// </summary>
    public static string? LanguageOf(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? null : locale.Split('-', '_')[0].Trim().ToLowerInvariant();

    /// <summary>Random user id for a conversation: URL-safe (Direct Line puts it in paths unencoded), no personal data.</summary>
    public static string NewUserId() => "u_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}

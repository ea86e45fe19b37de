namespace AuroraBots.DirectLine.Channel;

/// <summary>What the user sees when the bot failed or took too long.</summary>
public static class Apology
{
    public static Schema.Activity For(string language) => new()
    {
        Type = Schema.ActivityTypes.Message,
        TextFormat = Schema.TextFormatTypes.Plain,
        Locale = language,
        Text = language switch
        {
            "sv" => "Förlåt, något gick fel hos mig. Försök igen om en stund.",
            "en" => "Sorry, something went wrong on my side. Please try again in a moment.",
            _ => "Pahoittelut, minulla meni jokin vikaan. Yritä hetken kuluttua uudelleen.",
        },
    };
}

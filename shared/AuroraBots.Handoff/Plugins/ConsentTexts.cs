using AuroraBots.Handoff.Ledger;

namespace AuroraBots.Handoff.Plugins;

/// <summary>The consent plugin's chat texts in fi, sv and en.</summary>
internal static class ConsentTexts
{
    public static string Normalize(string? language) => language is "sv" or "en" ? language : "fi";

    public static readonly IReadOnlyDictionary<string, string> NoConsents = new Dictionary<string, string>
    {
        ["fi"] = "Et ole antanut tässä keskustelussa lupaa tietojesi siirtoon.",
        ["sv"] = "Du har inte gett något samtycke till att dina uppgifter förs över i det här samtalet.",
        ["en"] = "You haven't given consent to share any of your details in this conversation.",
    };

    public static readonly IReadOnlyDictionary<string, string> ListIntro = new Dictionary<string, string>
    {
        ["fi"] = "Nämä luvat olet antanut tässä keskustelussa (tallessa on vain tietojen nimet, ei niiden arvoja):",
        ["sv"] = "Det här är de samtycken du har gett i samtalet (bara uppgifternas namn sparas, inte deras värden):",
        ["en"] = "These are the consents you've given in this conversation (only the names of the details are kept, never their values):",
    };

    public static readonly IReadOnlyDictionary<string, string> NotFound = new Dictionary<string, string>
    {
        ["fi"] = "En löytänyt sellaista lupaa. Voit katsoa lupasi kirjoittamalla \"näytä luvat\".",
        ["sv"] = "Jag hittade inget sådant samtycke. Du kan se dina samtycken genom att skriva \"visa samtycken\".",
        ["en"] = "I couldn't find that consent. You can see your consents by typing \"show my consents\".",
    };

    public static readonly IReadOnlyDictionary<string, string> Revoked = new Dictionary<string, string>
    {
        ["fi"] = "Selvä, peruin luvan: {0} ei saa enää tietojasi tämän luvan perusteella.",
        ["sv"] = "Klart, jag återkallade samtycket: {0} får inte längre dina uppgifter med stöd av det.",
        ["en"] = "Done, I've revoked that consent: {0} won't get your details under it any more.",
    };

    public static readonly IReadOnlyDictionary<string, string> LinkOut = new Dictionary<string, string>
    {
        ["fi"] = "Jatka palveluun **{0}**: [avaa {0}]({1})",
        ["sv"] = "Fortsätt till **{0}**: [öppna {0}]({1})",
        ["en"] = "Continue to **{0}**: [open {0}]({1})",
    };

    public static string AttributeName(string attribute, string lang)
    {
        const string prefix = AttributeNames.LifeSituationMeters + ".";
        if (!attribute.StartsWith(prefix, StringComparison.Ordinal)) return WholeAttributeName(attribute, lang);
        var meter = attribute[prefix.Length..];
        var label = lang switch { "sv" => "livssituation", "en" => "life situation", _ => "elämäntilanne" };
        return $"{label}: {MeterName(meter, lang)}";
    }

    private static string MeterName(string meter, string lang) => (meter, lang) switch
    {
        ("health", "sv") => "hälsa", ("health", "en") => "health", ("health", _) => "terveys",
        ("resilience", "sv") => "att klara svårigheter", ("resilience", "en") => "resilience", ("resilience", _) => "vaikeuksista selviäminen",
        ("housing", "sv") => "boende", ("housing", "en") => "housing", ("housing", _) => "asuminen",
        ("working_studying", "sv") => "studier och arbete", ("working_studying", "en") => "work and studies", ("working_studying", _) => "opiskelu ja työ",
        ("family", "sv") => "familj", ("family", "en") => "family", ("family", _) => "perhe",
        ("friends", "sv") => "vänner", ("friends", "en") => "friends", ("friends", _) => "ystävät",
        ("finance", "sv") => "ekonomi", ("finance", "en") => "money", ("finance", _) => "raha-asiat",
        ("improvement_of_strengths", "sv") => "självutveckling", ("improvement_of_strengths", "en") => "self-improvement", ("improvement_of_strengths", _) => "itsensä kehittäminen",
        ("self_esteem", "sv") => "självkänsla", ("self_esteem", "en") => "self-esteem", ("self_esteem", _) => "itsetunto",
        ("life_satisfaction", "sv") => "livstillfredsställelse", ("life_satisfaction", "en") => "life satisfaction", ("life_satisfaction", _) => "tyytyväisyys elämään",
        _ => meter,
    };

    private static string WholeAttributeName(string attribute, string lang) => (attribute, lang) switch
    {
        (AttributeNames.Age, "sv") => "ålder",
        (AttributeNames.Age, "en") => "age",
        (AttributeNames.Age, _) => "ikä",
        (AttributeNames.MunicipalityCode, "sv") => "kommun",
        (AttributeNames.MunicipalityCode, "en") => "municipality",
        (AttributeNames.MunicipalityCode, _) => "kotikunta",
        (AttributeNames.LifeSituationMeters, "sv") => "svar om livssituationen (3X10D)",
        (AttributeNames.LifeSituationMeters, "en") => "life situation answers (3X10D)",
        (AttributeNames.LifeSituationMeters, _) => "elämäntilanteen vastaukset (3X10D)",
        _ => attribute,
    };

    public static string Status(ConsentReceipt receipt, DateTimeOffset now, string lang)
    {
        if (receipt.RevokedAt is not null)
            return lang switch { "sv" => "återkallat", "en" => "revoked", _ => "peruttu" };
        if (now >= receipt.ExpiresAt)
            return lang switch { "sv" => "har gått ut", "en" => "expired", _ => "vanhentunut" };
        var until = receipt.ExpiresAt.ToUniversalTime().ToString("HH:mm 'UTC'");
        return lang switch { "sv" => $"giltigt till {until}", "en" => $"valid until {until}", _ => $"voimassa klo {until} asti" };
    }
}

using System.Text.RegularExpressions;

namespace AuroraBots.Network.Catalogue.Hygiene;

/// <summary>
/// Gives a shipped service its PTV target group (<c>KR1</c> citizens, <c>KR2</c> businesses and associations,
/// <c>KR3</c> authorities) from its Finnish name and summary, because the labelling workbooks carry no PTV target
/// groups. The rules look for WHO the text addresses, not for topics: "yrityksille" (to businesses),
/// "yrityksesi" (your business), "Taloyhtiöt voivat" (housing companies may), "viljelijä" (farmer),
/// "porotalouden harjoittaja" (reindeer herder). A text that also addresses citizens or private persons
/// ("kuntalaisille", "yksityishenkilöt") stays KR1: those services serve both. Everything else is KR1.
/// Tested on real rows in tests/AuroraBots.Network.Tests/CatalogueHygieneTests.cs.
/// </summary>
public static partial class TargetGroupClassifier
{
    public const string Citizens = "KR1";
    public const string Businesses = "KR2";
    public const string Authorities = "KR3";

    /// <summary>The target group and the words that decided it (empty for the KR1 default).</summary>
    public static (string Group, string Evidence) Classify(string name, string summary)
    {
        var text = name + " \n " + summary;
        if (CitizenAddressee().Match(text) is { Success: true }) return (Citizens, "");
        if (AuthorityAddressee().Match(text) is { Success: true } authority) return (Authorities, authority.Value);
        if (BusinessAddressee().Match(text) is { Success: true } business) return (Businesses, business.Value);
        return (Citizens, "");
    }

    // Citizens or private persons named as (co-)addressees.
    [GeneratedRegex(@"\b(kansalaisille|kuntalaisille|kuntalaiset|yksityishenkilö\w*|yksityis(ten|ille) henkilö\w*|henkilöasiak\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CitizenAddressee();

    // Authorities, municipalities and public organisations as addressees.
    [GeneratedRegex(@"\b(viranomaisille|kunnille|organisaatioille|organisaatiosi\w*|julkishallinnon|kirjastoille|museoille|oppilaitoksille)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorityAddressee();

    // Businesses, employers, primary producers, housing companies and associations as addressees or applicants.
    [GeneratedRegex(@"\b(yrityksille|yritykse(si|llesi)|yrityksen (perustami|käynnistämi|kansainvälisty)\w*|yrityskaup\w*|yritysrahoitu\w*|liiketoiminna\w*|"
        + @"yrittäjille|yrittäjänä|yrittäjäksi|aloittavan yrittäjän|maatalousyrittäj\w*|viljelijä\w*|maatalouden tukijärjestelm\w*|maaseutuhallin\w*|"
        + @"porotalouden|poronhoita\w*|elinkeinonharjoittaja\w*|työnantajille|kun palkkaat|"
        + @"taloyhtiö\w*|asunto-osakeyhtiö\w*|korkotukilain\w*|"
        + @"yhdistyksille|yhteisöllesi|järjestöille|(\w*yhdistykset|\w*järjestöt)( ja [\w-]+)* voivat|yhdistys/järjestö|urheiluseur\w*|nuorisoyhdisty\w*|"
        + @"valtionavustuk\w*|kongressi\w*|tapahtumasi)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BusinessAddressee();
}

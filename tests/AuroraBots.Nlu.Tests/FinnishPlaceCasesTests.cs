using AuroraBots.Nlu.Entities;

namespace AuroraBots.Nlu.Tests;

/// <summary>Municipality names in texts: "palvelut Helsingissä", "muutto Turusta", "muutto Tampereelle".</summary>
public class FinnishPlaceCasesTests
{
    [Theory]
    [InlineData("Helsinki", "Helsingissä", "Helsingistä", "Helsinkiin")]
    [InlineData("Turku", "Turussa", "Turusta", "Turkuun")]
    [InlineData("Oulu", "Oulussa", "Oulusta", "Ouluun")]
    [InlineData("Espoo", "Espoossa", "Espoosta", "Espooseen")]
    [InlineData("Joensuu", "Joensuussa", "Joensuusta", "Joensuuhun")]
    [InlineData("Vaasa", "Vaasassa", "Vaasasta", "Vaasaan")]
    [InlineData("Kuopio", "Kuopiossa", "Kuopiosta", "Kuopioon")]
    [InlineData("Jyväskylä", "Jyväskylässä", "Jyväskylästä", "Jyväskylään")]
    [InlineData("Kotka", "Kotkassa", "Kotkasta", "Kotkaan")]
    [InlineData("Mänttä-Vilppula", "Mänttä-Vilppulassa", "Mänttä-Vilppulasta", "Mänttä-Vilppulaan")]
    [InlineData("Tampere", "Tampereella", "Tampereelta", "Tampereelle")]
    [InlineData("Vantaa", "Vantaalla", "Vantaalta", "Vantaalle")]
    [InlineData("Rovaniemi", "Rovaniemellä", "Rovaniemeltä", "Rovaniemelle")]
    [InlineData("Seinäjoki", "Seinäjoella", "Seinäjoelta", "Seinäjoelle")]
    [InlineData("Kemijärvi", "Kemijärvellä", "Kemijärveltä", "Kemijärvelle")]
    [InlineData("Orivesi", "Orivedellä", "Orivedeltä", "Orivedelle")]
    [InlineData("Lahti", "Lahdessa", "Lahdesta", "Lahteen")]
    [InlineData("Kaustinen", "Kaustisella", "Kaustiselta", "Kaustiselle")]
    public void Inflects_municipality_names(string name, string inessive, string elative, string illative)
    {
        Assert.Equal(inessive, FinnishPlaceCases.Inflect(name, FinnishPlaceCases.Case.Inessive));
        Assert.Equal(elative, FinnishPlaceCases.Inflect(name, FinnishPlaceCases.Case.Elative));
        Assert.Equal(illative, FinnishPlaceCases.Inflect(name, FinnishPlaceCases.Case.Illative));
    }
}

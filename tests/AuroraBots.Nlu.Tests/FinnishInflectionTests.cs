using AuroraBots.Nlu.Entities;

namespace AuroraBots.Nlu.Tests;

/// <summary>The generated case forms follow consonant gradation: weak grade in closed syllables only.</summary>
public class FinnishInflectionTests
{
    [Theory]
    [InlineData("turku", new[] { "turku", "turun", "turussa", "turusta", "turkuun" }, new[] { "turkussa", "turuun" })]
    [InlineData("helsinki", new[] { "helsingin", "helsingissa", "helsingista", "helsinkiin" }, new[] { "helsinkissa", "helsingiin" })]
    [InlineData("lahti", new[] { "lahden", "lahdessa", "lahdesta", "lahteen" }, new[] { "lahdin", "lahtissa", "lahtessa" })]
    [InlineData("seinajoki", new[] { "seinajoen", "seinajoella", "seinajoelta", "seinajokeen" }, new[] { "seinajokella", "seinajoissa" })]
    [InlineData("luoto", new[] { "luodon", "luodossa", "luodolla", "luotoon" }, new[] { "luoton", "luotolla" })]
    [InlineData("tampere", new[] { "tampereen", "tampereella", "tampereelta", "tampereelle" }, new string[0])]
    [InlineData("vantaa", new[] { "vantaan", "vantaalla", "vantaalle", "vantaalta" }, new string[0])]
    [InlineData("joensuu", new[] { "joensuun", "joensuussa", "joensuuhun" }, new string[0])]
    [InlineData("kauniainen", new[] { "kauniaisissa", "kauniaisten", "kauniaisiin", "kauniaisen" }, new[] { "kauniainenssa" })]
    [InlineData("orivesi", new[] { "orivedella", "oriveden", "oriveteen" }, new[] { "orivesissa" })]
    [InlineData("muhos", new[] { "muhoksella", "muhoksen", "muhokseen" }, new string[0])]
    [InlineData("outokumpu", new[] { "outokummussa", "outokummun", "outokumpuun" }, new[] { "outokumpussa" })]
    public void Forms_take_the_right_grade(string name, string[] expected, string[] wrong)
    {
        var forms = FinnishInflection.Forms(name);
        Assert.All(expected, f => Assert.Contains(f, forms));
        Assert.All(wrong, f => Assert.DoesNotContain(f, forms));
    }
}

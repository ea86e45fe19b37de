namespace AuroraBots.Nlu.Tests;

public class AgeRecognitionTests
{
    [Theory]
    [InlineData("olen 17", "fi", "17")]
    [InlineData("oon 15", "fi", "15")]
    [InlineData("olen 17-vuotias", "fi", "17")]
    [InlineData("17-vuotias poika Oulusta", "fi", "17")]
    [InlineData("olen 16 vuotias", "fi", "16")]
    [InlineData("täytin juuri 17", "fi", "17")]
    [InlineData("ikä 42", "fi", "42")]
    [InlineData("jag är 17", "sv", "17")]
    [InlineData("17 år", "sv", "17")]
    [InlineData("jag är 17 år gammal", "sv", "17")]
    [InlineData("jag fyllde 18 i maj", "sv", "18")]
    [InlineData("I'm 17", "en", "17")]
    [InlineData("I’m 17", "en", "17")]
    [InlineData("im 16 and bored", "en", "16")]
    [InlineData("I am 19", "en", "19")]
    [InlineData("17 years old", "en", "17")]
    [InlineData("a 17-year-old from Turku", "en", "17")]
    [InlineData("17", "fi", "17")]
    [InlineData("olen seitsemäntoista", "fi", "17")]
    [InlineData("oon viistoista", "fi", "15")]
    [InlineData("seitsemäntoistavuotias", "fi", "17")]
    [InlineData("kaksikymmentäkaksi vuotias", "fi", "22")]
    [InlineData("jag är sjutton år", "sv", "17")]
    [InlineData("I'm seventeen", "en", "17")]
    [InlineData("twenty-one years old", "en", "21")]
    [InlineData("sixteen", "en", "16")]
    public void Stated_ages_are_recognised(string text, string language, string age)
    {
        var match = Assert.Single(Ages(text, language));
        Assert.Equal(age, match.Value);
    }

    [Theory]
    [InlineData("muutin tänne vuonna 2017", "fi")]
    [InlineData("2017", "fi")]
    [InlineData("soita numeroon 040 123 4567", "fi")]
    [InlineData("puhelinnumeroni on 0401234567", "fi")]
    [InlineData("olen 3 kertaa hakenut tukea", "fi")]
    [InlineData("asuin siellä 17 vuotta", "fi")]
    [InlineData("jag har bott här i 17 år", "sv")]
    [InlineData("för 3 år sedan", "sv")]
    [InlineData("I'm 5 minutes late", "en")]
    [InlineData("I am 100% sure", "en")]
    [InlineData("my rent is 650 euros", "en")]
    [InlineData("I'm fine thanks", "en")]
    [InlineData("olen 0", "fi")]
    [InlineData("I am 250", "en")]
    [InlineData("I'm twenty minutes away", "en")]
    [InlineData("olen kymmenen minuuttia myöhässä", "fi")]
    [InlineData("olen seitsemäntoistavuotiaiden ryhmässä", "fi")]
    [InlineData("I'm 17th in the queue", "en")]
    public void Numbers_that_are_not_ages_are_left_alone(string text, string language) =>
        Assert.Empty(Ages(text, language));

    [Fact]
    public void The_match_covers_the_phrase_that_states_the_age()
    {
        var match = Assert.Single(Ages("Moi, olen 17-vuotias.", "fi"));
        Assert.Equal("olen 17-vuotias", match.Text);
        Assert.Equal(5, match.Start);
    }

    private static List<EntityMatch> Ages(string text, string language) =>
        EntityRecognizer.Recognize(text, language).Where(e => e.Type == EntityTypes.Age).ToList();
}

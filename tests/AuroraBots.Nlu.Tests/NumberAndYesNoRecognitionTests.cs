namespace AuroraBots.Nlu.Tests;

public class NumberAndYesNoRecognitionTests
{
    [Theory]
    [InlineData("seitsemän", "fi", "7")]
    [InlineData("seitseman", "fi", "7")]
    [InlineData("kaks", "fi", "2")]
    [InlineData("ehkä viisi", "fi", "5")]
    [InlineData("kymmenen", "fi", "10")]
    [InlineData("nolla", "fi", "0")]
    [InlineData("seiska", "fi", "7")]
    [InlineData("sju", "sv", "7")]
    [InlineData("åtta", "sv", "8")]
    [InlineData("kanske fyra", "sv", "4")]
    [InlineData("en", "sv", "1")]
    [InlineData("seven", "en", "7")]
    [InlineData("about six I guess", "en", "6")]
    [InlineData("7", "fi", "7")]
    [InlineData("0", "en", "0")]
    [InlineData("10", "sv", "10")]
    [InlineData("I'd say 3", "en", "3")]
    public void Numbers_from_zero_to_ten_are_recognised_as_digits_and_words(string text, string language, string value)
    {
        var match = Assert.Single(Numbers(text, language));
        Assert.Equal(value, match.Value);
    }

    [Theory]
    [InlineData("11", "fi")]
    [InlineData("2017", "fi")]
    [InlineData("040 1234567", "fi")]
    [InlineData("käsi on kipeä", "fi")]        // "käsi" (hand) folds to "kasi" (colloquial eight) but is not it
    [InlineData("jag vill ha en bostad", "sv")]  // "en" is an article here
    [InlineData("the one with the garden", "en")]
    [InlineData("3.5", "en")]
    public void Other_numbers_and_look_alike_words_are_not_numbers(string text, string language) =>
        Assert.Empty(Numbers(text, language));

    [Theory]
    [InlineData("kyllä", "fi", "yes")]
    [InlineData("joo", "fi", "yes")]
    [InlineData("juu kiitos", "fi", "yes")]
    [InlineData("no joo", "fi", "yes")]
    [InlineData("ok", "fi", "yes")]
    [InlineData("ei", "fi", "no")]
    [InlineData("ei kiitos", "fi", "no")]
    [InlineData("nää", "fi", "no")]
    [InlineData("no ei", "fi", "no")]
    [InlineData("en halua", "fi", "no")]
    [InlineData("ja", "sv", "yes")]
    [InlineData("japp", "sv", "yes")]
    [InlineData("ja tack", "sv", "yes")]
    [InlineData("visst", "sv", "yes")]
    [InlineData("nej", "sv", "no")]
    [InlineData("nej tack", "sv", "no")]
    [InlineData("nä", "sv", "no")]
    [InlineData("yes", "en", "yes")]
    [InlineData("yeah sure", "en", "yes")]
    [InlineData("yep", "en", "yes")]
    [InlineData("of course", "en", "yes")]
    [InlineData("no", "en", "no")]
    [InlineData("nope", "en", "no")]
    [InlineData("no thanks", "en", "no")]
    [InlineData("nah", "en", "no")]
    public void Yes_and_no_are_recognised_with_colloquial_forms(string text, string language, string value)
    {
        var match = Assert.Single(YesNo(text, language));
        Assert.Equal(value, match.Value);
    }

    [Theory]
    [InlineData("en tiedä", "fi")]
    [InlineData("en oo varma", "fi")]
    [InlineData("vet inte", "sv")]
    [InlineData("I don't know", "en")]
    [InlineData("not sure", "en")]
    [InlineData("maybe", "en")]
    [InlineData("asun Tampereella ja olen 17", "fi")]  // "ja" is Finnish "and", not Swedish "yes"
    [InlineData("I want to know more about housing and no one has told me", "en")]
    public void Dont_know_and_yes_or_no_words_deep_in_a_sentence_are_neither(string text, string language) =>
        Assert.Empty(YesNo(text, language));

    private static List<EntityMatch> Numbers(string text, string language) =>
        EntityRecognizer.Recognize(text, language).Where(e => e.Type == EntityTypes.Number).ToList();

    private static List<EntityMatch> YesNo(string text, string language) =>
        EntityRecognizer.Recognize(text, language).Where(e => e.Type == EntityTypes.YesNo).ToList();
}

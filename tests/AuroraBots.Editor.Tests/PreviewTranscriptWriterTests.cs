using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Editor.Transcripts;

namespace AuroraBots.Editor.Tests;

/// <summary>The pieces of a recorded test that must survive YAML: quoting, the chosen text part, the file name.</summary>
public sealed class PreviewTranscriptWriterTests
{
    [Theory]
    [InlineData("Kirjoita \"kuulumiset\" tai \\ kenoviiva")]
    [InlineData("rivi 1\nrivi 2\t– ja # ei kommentti: kaksoispiste")]
    [InlineData("- alkaa viivalla, [hakasulkeet] {aaltosulkeet} & *tähti")]
    [InlineData("emoji 🙂 ja ääkköset ÅÄÖ")]
    public void QuotedTextReadsBackUnchangedInATranscriptTest(string text)
    {
        var test = TranscriptRunner.Parse($"turns:\n  - user: {PreviewTranscriptWriter.Quote(text)}\n")!;
        var user = test.Turns[0].User!.ByLanguage.Values.Single();
        Assert.Equal(text, user);
    }

    [Theory]
    [InlineData("Moi! Olen Nuorten hyvinvointibotti (Kunnan nuorisopalvelut). Täällä voit kertoa.", "Olen Nuorten hyvinvointibotti (Kunnan nuorisopalvelut)")]
    [InlineData("Kysymys 1/10. Jaksatko arjessa hyvin?", "Jaksatko arjessa hyvin")]
    [InlineData("Ok", "Ok")]
    [InlineData("   ", null)]
    public void TheDistinctivePartIsTheFirstSentenceOfSomeWordsWithoutDigits(string text, string? expected) =>
        Assert.Equal(expected, PreviewTranscriptWriter.Distinctive(text));

    [Fact]
    public void ALongSentenceIsCutAtAWordBoundary()
    {
        var part = PreviewTranscriptWriter.Distinctive("Koulutuksiin haetaan Opintopolussa opintopolku fi toisen asteen yhteishaku on keväällä ja syksyllä")!;
        Assert.True(part.Length <= 60);
        Assert.StartsWith("Koulutuksiin haetaan Opintopolussa", part);
        Assert.False(part.EndsWith(' '));
        Assert.Contains(part + " ", "Koulutuksiin haetaan Opintopolussa opintopolku fi toisen asteen yhteishaku on keväällä ja syksyllä");
    }

    [Theory]
    [InlineData("Ei kiitos – myöhemmin", "ei_kiitos_myohemmin")]
    [InlineData("Åland: Svenska!", "aland_svenska")]
    [InlineData("  ../../etc/passwd  ", "etc_passwd")]
    [InlineData("–!?", null)]
    public void TestNamesBecomeSafeFileNames(string name, string? slug) => Assert.Equal(slug, DraftTranscripts.Slug(name));
}

using AuroraBots.Nlu.Safety;

namespace AuroraBots.Nlu.Tests;

/// <summary>The safety recogniser: crisis categories in fi/sv/en, figures of speech that are not crises, the lexicon syntax.</summary>
public class SafetyRecognitionTests
{
    private static readonly SafetyRecognizer Recognizer = SafetyRecognizer.Default;

    [Theory]
    [InlineData("haluan tappaa itseni", "self_harm", "fi")]
    [InlineData("MÄ HALUUN KUOLLA", "self_harm", "fi")]
    [InlineData("olen miettinyt itsmurhaa", "self_harm", "fi")] // typo in the stem
    [InlineData("kaverini sanoo että se tappaa ittensä", "self_harm", "fi")] // a friend: still contacts
    [InlineData("jag vill ta livet av mig", "self_harm", "sv")]
    [InlineData("I want to kill myself", "self_harm", "en")]
    [InlineData("im not going to kill myself but", "self_harm", "en")] // negated: still contacts
    [InlineData("isäpuoli lyö mua", "violence", "fi")]
    [InlineData("min pappa slår mig", "violence", "sv")]
    [InlineData("my boyfriend threatened to kill me", "violence", "en")]
    [InlineData("minut raiskattiin", "sexual_abuse", "fi")]
    [InlineData("jag blev våldtagen", "sexual_abuse", "sv")]
    [InlineData("talo on tulessa", "emergency", "fi")]
    [InlineData("min vän andas inte", "emergency", "sv")]
    [InlineData("my friend is not breathing", "emergency", "en")]
    public void RecognisesCrisesWithCategoryAndLanguage(string text, string category, string language)
    {
        var match = Recognizer.Recognise(text);
        Assert.NotNull(match);
        Assert.Equal(category, match.Category);
        Assert.Equal(language, match.Language);
    }

    [Theory]
    [InlineData("tapan aikaa")]
    [InlineData("killing time")]
    [InlineData("dödstrött")]
    [InlineData("this traffic is killing me")]
    [InlineData("kuolen nauruun")]
    [InlineData("haluan kuulla lisää asumistuesta")] // "kuulla" is one letter from "kuolla": no typo tolerance there
    [InlineData("olen raskaana, mitä tukea saa")] // "raskaana" is near the stem "raisk"
    [InlineData("en halua asua yksin mutta en halua olla töissä")]
    [InlineData("I don't want to live in Espoo")]
    [InlineData("jag blev sparkad från jobbet")]
    [InlineData("lyödään lukkoon aika")]
    [InlineData("")]
    public void FiguresOfSpeechAndOrdinaryMessagesAreNotCrises(string text) =>
        Assert.Null(Recognizer.Recognise(text));

    [Fact]
    public void OnlyTheFirstPartOfAHugeMessageIsChecked()
    {
        var padding = string.Concat(Enumerable.Repeat("asumistuki ", SafetyRecognizer.MaxCheckedLength / 11 + 10));
        Assert.NotNull(Recognizer.Recognise("haluan kuolla " + padding));
        Assert.Null(Recognizer.Recognise(padding + " haluan kuolla"));
    }

    [Theory]
    [InlineData("a ~1 b", "a x b", true)]
    [InlineData("a ~1 b", "a x y b", false)]
    [InlineData("a b", "a x b", false)]
    [InlineData("stem* b", "stemming b", true)]
    [InlineData("exact b", "exactly b", false)]
    [InlineData("typos% b", "tpyos b", true)]
    [InlineData("typos b", "tpyos b", false)]
    [InlineData("stemmi*% b", "stemni b", true)]
    [InlineData("a|c ~0 b !x", "c b", true)]
    [InlineData("a ~0 b !x", "a b x", false)]
    [InlineData("a ~0 b !x", "a b y", true)]
    [InlineData("a $", "z a", true)]
    [InlineData("a $", "a z", false)]
    [InlineData("a ~1 $", "a z", true)]
    [InlineData("ä ö", "a o", true)] // folded like messages
    public void LexiconSyntax(string pattern, string text, bool matches)
    {
        var recognizer = SafetyRecognizer.FromYaml($"categories:\n  - id: emergency\n    patterns:\n      en: [\"{pattern}\"]\n");
        Assert.Equal(matches, recognizer.Recognise(text) is not null);
    }

    [Theory]
    [InlineData("categories:\n  - id: danger\n    patterns:\n      en: [\"a\"]\n", "unknown category 'danger'")]
    [InlineData("categories:\n  - id: emergency\n    patterns:\n      de: [\"a\"]\n", "language 'de'")]
    [InlineData("categories:\n  - id: emergency\n    patterns:\n      en: [\"a ~\"]\n", "emergency.en: \"a ~\"")]
    [InlineData("categories:\n  - id: emergency\n    patterns:\n      en: [\"~1 a\"]\n", "between two terms")]
    [InlineData("categories:\n  - id: emergency\n    patterns:\n      en: [\"abc% d\"]\n", "5+ letters")]
    [InlineData("categories:\n  - id: emergency\n    patterns:\n      en: [\"a ~1\"]\n", "cannot end with ~N")]
    [InlineData("categories: [", "line")]
    public void MalformedLexiconFailsWithWhere(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SafetyRecognizer.FromYaml(yaml));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TheShippedLexiconCoversEveryCategoryInEveryLanguage()
    {
        Assert.True(Recognizer.PatternCount > 100);
        var shipped = SafetyLexicon.LoadEmbedded();
        foreach (var category in SafetyCategories.All)
            foreach (var language in new[] { "fi", "sv", "en" })
                Assert.Contains(shipped, p => p.Category == category && p.Language == language);
    }
}

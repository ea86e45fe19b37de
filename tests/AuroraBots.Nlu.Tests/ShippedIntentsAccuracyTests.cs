using AuroraBots.Nlu.Routing;

namespace AuroraBots.Nlu.Tests;

/// <summary>
/// The intents shipped under bots/ (global + front desk) must reach the 90 % per-language target on their
/// held-out utterances, and the held-out set must be big enough and never copied into training.
/// </summary>
public class ShippedIntentsAccuracyTests
{
    private static readonly string s_dialogs = Path.Combine(RepositoryRoot(), "bots");

    private static IReadOnlyList<IntentExample> Load(string bot, string file) =>
        IntentFile.Load(Path.Combine(s_dialogs, bot, file));

    private static readonly IReadOnlyList<IntentExample> s_training = [.. Load("_shared", "intents.yaml"), .. Load("frontdesk", "intents.yaml")];
    private static readonly IReadOnlyList<IntentExample> s_test = [.. Load("_shared", "intents.test.yaml"), .. Load("frontdesk", "intents.test.yaml")];

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void Front_desk_held_out_accuracy_is_at_least_90_percent(string language)
    {
        var engine = NluEngine.Train(s_training);
        var test = s_test.Where(e => e.Language == language).ToList();
        var misses = test.Where(e => engine.Analyse(e.Text, language).TopIntent?.Intent != e.Intent).Select(e => $"{e.Text} ({e.Intent})").ToList();
        var accuracy = 1.0 - (double)misses.Count / test.Count;
        Assert.True(accuracy >= 0.9, $"{language}: {accuracy:P1}; misses: {string.Join("; ", misses)}");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void Held_out_set_has_at_least_30_utterances_per_language_and_none_leaked_into_training(string language)
    {
        var test = s_test.Where(e => e.Language == language).ToList();
        Assert.True(test.Count >= 30, $"{language}: only {test.Count} held-out utterances");
        var training = s_training.Where(e => e.Language == language).Select(e => e.Text.Trim().ToLowerInvariant()).ToHashSet();
        Assert.DoesNotContain(test, e => training.Contains(e.Text.Trim().ToLowerInvariant()));
    }

    [Fact]
    public void Every_held_out_intent_has_training_examples_in_every_language()
    {
        foreach (var intent in s_test.Select(e => e.Intent).Distinct())
        {
            foreach (var language in new[] { "fi", "sv", "en" })
            {
                Assert.True(s_training.Count(e => e.Intent == intent && e.Language == language) >= 10,
                    $"{intent}/{language} has fewer than 10 training examples");
            }
        }
    }

    [Theory]
    [InlineData("ei", "fi")]
    [InlineData("joo", "fi")]
    [InlineData("17", "fi")]
    [InlineData("Tampereella", "fi")]
    [InlineData("en tiedä", "fi")]
    [InlineData("nej", "sv")]
    [InlineData("jag vet inte", "sv")]
    [InlineData("i Vasa", "sv")]
    [InlineData("no", "en")]
    [InlineData("ok", "en")]
    [InlineData("seven", "en")]
    public void Typical_answers_to_prompts_do_not_trigger_an_intent(string text, string language)
    {
        var engine = NluEngine.Train(s_training);
        var result = engine.Analyse(text, language);
        Assert.False(engine.IsConfident(result), $"'{text}' → {result.TopIntent?.Intent} {result.TopIntent?.Score}");
    }

    [Theory]
    // A language name or "help" in a message that names a need is not a request to change the language or to list
    // what the bot can do (issue 12, round four; phrasings written for this test, not taken from the dev or eval sets;
    // each of the first five was routed to the global intent or the wrong matter before).
    [InlineData("day care in english language", "en", "family")]
    [InlineData("work in english, is it possible here", "en", "work_study")]
    [InlineData("someone to help me find a flat", "en", "housing")]
    [InlineData("finns det arbete på engelska", "sv", "work_study")]
    [InlineData("jobb på svenska i tammerfors", "sv", "work_study")]
    [InlineData("english speaking kindergarten for my son", "en", "family")]
    // ...while real language requests and help requests still are.
    [InlineData("in English", "en", "switch_language")]
    [InlineData("can we switch to Swedish", "en", "switch_language")]
    [InlineData("talk finnish with me", "en", "switch_language")]
    [InlineData("kan du prata engelska", "sv", "switch_language")]
    [InlineData("vaihda kieli suomeksi", "fi", "switch_language")]
    [InlineData("voitko puhua englantia", "fi", "switch_language")]
    [InlineData("help", "en", "help")]
    [InlineData("what can I ask", "en", "help")]
    public void Global_intents_do_not_take_a_message_that_names_a_matter(string text, string language, string expected)
    {
        var engine = NluEngine.Train(s_training);
        var matters = Load("frontdesk", "intents.yaml").Select(e => e.Intent).ToHashSet(StringComparer.Ordinal);
        var analysis = engine.Analyse(text, language);
        var decision = RoutingPolicy.Decide(analysis.Intents, matters, new RoutingOptions(), analysis.WithoutLanguageRequest);
        Assert.Equal(expected, decision.Intent);
    }

    [Fact]
    public void Language_detection_recognises_at_least_95_percent_of_the_held_out_utterances()
    {
        var engine = NluEngine.Train(s_training);
        foreach (var language in new[] { "fi", "sv", "en" })
        {
            var test = s_test.Where(e => e.Language == language).ToList();
            var wrong = test.Where(e => engine.LanguageDetector.Detect(e.Text).Language != language).Select(e => e.Text).ToList();
            Assert.True(wrong.Count <= test.Count * 0.05, $"{language}: {string.Join("; ", wrong)}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AuroraBots.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("AuroraBots.sln not found above the test binaries.");
    }
}

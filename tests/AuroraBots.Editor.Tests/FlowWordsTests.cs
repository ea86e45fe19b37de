using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Prompts;
using AuroraBots.Dialogs.Steps;
using AuroraBots.Editor.Localisation;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// The form names what the schema holds: every step kind, prompt type and key of the flow schema has a name and help
/// in every editor language, so a new step kind or key cannot reach the form as a raw YAML key.
/// </summary>
public sealed class FlowWordsTests
{
    private static readonly string[] UiLanguages = ["fi", "sv", "en"];
    private static readonly JsonObject Words = FlowWords.Parse();

    public static TheoryData<string> Languages => [.. UiLanguages];

    [Theory, MemberData(nameof(Languages))]
    public void Every_step_kind_has_a_name_help_and_an_example(string language)
    {
        foreach (var kind in StepKinds.All)
        {
            AssertNamed(Words["kinds"]?[kind.Key], language, $"step kind {kind.Key}");
            Assert.False(string.IsNullOrWhiteSpace(Words["kinds"]![kind.Key]!["example"]?.GetValue<string>()), $"example of {kind.Key}");
        }
    }

    [Theory, MemberData(nameof(Languages))]
    public void Every_prompt_type_has_a_name_and_help(string language)
    {
        foreach (var type in AskTypes.All) AssertNamed(Words["askTypes"]?[type], language, $"prompt type {type}");
    }

    [Theory, MemberData(nameof(Languages))]
    public void Every_key_of_the_flow_schema_has_a_name_and_help(string language)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        CollectKeys(FlowSchema.Generate(UiLanguages), keys);
        keys.ExceptWith(UiLanguages); // a text's languages are named by the language list
        Assert.NotEmpty(keys);
        foreach (var key in keys) AssertNamed(Words["fields"]?[key], language, $"key {key}");
    }

    [Fact]
    public void The_names_differ_between_languages_where_the_words_differ()
    {
        // A Finnish or Swedish entry copied from English is a missing translation.
        foreach (var (group, entries) in new[] { "kinds", "askTypes", "fields" }.Select(g => (g, Words[g]!.AsObject())))
        {
            foreach (var (name, entry) in entries)
            {
                var english = entry!["en"]!["help"]!.GetValue<string>();
                Assert.NotEqual(english, entry["fi"]!["help"]!.GetValue<string>());
                Assert.NotEqual(english, entry["sv"]!["help"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task The_editor_serves_the_words_beside_the_schema()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");

        var words = await editor.GetFromJsonAsync<JsonElement>("/editor/api/schema/flow/words");

        Assert.Equal("Question", words.GetProperty("kinds").GetProperty("ask").GetProperty("en").GetProperty("name").GetString());
        Assert.Equal("Kysymys", words.GetProperty("kinds").GetProperty("ask").GetProperty("fi").GetProperty("name").GetString());
    }

    private static void AssertNamed(JsonNode? entry, string language, string what)
    {
        Assert.True(entry is not null, $"{what} has no words");
        Assert.False(string.IsNullOrWhiteSpace(entry![language]?["name"]?.GetValue<string>()), $"{what}: no {language} name");
        Assert.False(string.IsNullOrWhiteSpace(entry[language]?["help"]?.GetValue<string>()), $"{what}: no {language} help");
    }

    private static void CollectKeys(JsonNode? node, ISet<string> keys)
    {
        switch (node)
        {
            case JsonObject map:
                if (map["properties"] is JsonObject properties) foreach (var (key, _) in properties) keys.Add(key);
                foreach (var (_, value) in map) CollectKeys(value, keys);
                break;
            case JsonArray list:
                foreach (var item in list) CollectKeys(item, keys);
                break;
        }
    }
}

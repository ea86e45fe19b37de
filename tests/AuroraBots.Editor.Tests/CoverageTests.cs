using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Editor.Coverage;

namespace AuroraBots.Editor.Tests;

public sealed class CoverageTests
{
    [Fact]
    public void Missing_and_empty_languages_are_reported_with_file_and_path()
    {
        var files = new Dictionary<string, string>
        {
            ["demo/bot.yaml"] = "id: demo\nname: { fi: Demo, sv: Demo, en: Demo }\nlanguages: [fi, sv, en]\n",
            ["demo/main.yaml"] = "steps:\n  - say: { fi: Hei, sv: \"\", en: Hi }\n  - say: { fi: Moi, en: Bye }\n  - say: \"@hello\"\n",
            ["demo/tests/t.yaml"] = "turns:\n  - user: { fi: x }\n",
        };
        var demo = Assert.Single(TranslationCoverage.Analyze(files));
        Assert.Equal(3, demo.Texts);
        Assert.Equal(1, demo.Complete);
        var empty = Assert.Single(demo.Gaps, g => g.Path == "steps[0].say");
        Assert.Equal(["sv"], empty.Empty);
        var missing = Assert.Single(demo.Gaps, g => g.Path == "steps[1].say");
        Assert.Equal("demo/main.yaml", missing.File);
        Assert.Equal(["sv"], missing.Missing);
    }

    [Fact]
    public async Task Coverage_of_the_draft_reports_a_removed_translation()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("ella");
        await client.EditFileAsync("sample/main.yaml", c => c.Replace("      sv: \"Hej, jag är {bot.name}. Jag kan fråga hur du mår.\"\n", "", StringComparison.Ordinal));
        var coverage = await client.GetFromJsonAsync<JsonElement>("/editor/api/coverage");
        var sample = coverage.EnumerateArray().Single(b => b.GetProperty("bot").GetString() == "sample");
        var gap = Assert.Single(sample.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("file").GetString() == "sample/main.yaml" && g.GetProperty("path").GetString() == "steps[0].say");
        Assert.Equal(["sv"], gap.GetProperty("missing").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_text_changed_in_one_language_is_reported_until_the_others_are_updated()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("ella");
        const string file = "sample/main.yaml";
        Assert.Null(await OutdatedAsync(client, file, "steps[0].say"));

        await client.EditFileAsync(file, c => c.Replace("Voin kysyä kuulumisiasi.", "Kysyn mielelläni kuulumisiasi.", StringComparison.Ordinal));
        var outdated = await OutdatedAsync(client, file, "steps[0].say");
        Assert.NotNull(outdated);
        Assert.Equal(["fi"], outdated.Value.GetProperty("changed").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["en", "sv"], outdated.Value.GetProperty("stale").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("ella", outdated.Value.GetProperty("by").GetString());
        // Other texts of the file were not touched and are not reported.
        Assert.Null(await OutdatedAsync(client, file, "steps[0].suggestions[0]"));

        await client.EditFileAsync(file, c => c.Replace("Jag kan fråga hur du mår.", "Jag frågar gärna hur du mår.", StringComparison.Ordinal));
        outdated = await OutdatedAsync(client, file, "steps[0].say");
        Assert.Equal(["en"], outdated!.Value.GetProperty("stale").EnumerateArray().Select(l => l.GetString()));

        await client.EditFileAsync(file, c => c.Replace("I can ask how you are.", "I am happy to ask how you are.", StringComparison.Ordinal));
        Assert.Null(await OutdatedAsync(client, file, "steps[0].say"));
    }

    [Fact]
    public async Task Undoing_a_change_by_hand_or_by_rollback_clears_its_outdated_mark()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("pekka");
        const string file = "sample/main.yaml";
        const string original = "I can ask how you are.", changed = "I would love to hear how you are.";

        await client.EditFileAsync(file, c => c.Replace(original, changed, StringComparison.Ordinal));
        Assert.NotNull(await OutdatedAsync(client, file, "steps[0].say"));
        await client.EditFileAsync(file, c => c.Replace(changed, original, StringComparison.Ordinal));
        Assert.Null(await OutdatedAsync(client, file, "steps[0].say"));

        await client.EditFileAsync(file, c => c.Replace(original, changed, StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PublishAsync("English only")).StatusCode);
        Assert.NotNull(await OutdatedAsync(client, file, "steps[0].say"));
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostAsJsonAsync("/editor/api/versions/1/rollback", new { comment = "undo" })).StatusCode);
        Assert.Null(await OutdatedAsync(client, file, "steps[0].say"));
    }

    private static async Task<JsonElement?> OutdatedAsync(HttpClient client, string file, string path)
    {
        var coverage = await client.GetFromJsonAsync<JsonElement>("/editor/api/coverage");
        var bot = coverage.EnumerateArray().Single(b => b.GetProperty("bot").GetString() == file.Split('/')[0]);
        foreach (var text in bot.GetProperty("outdated").EnumerateArray())
            if (text.GetProperty("file").GetString() == file && text.GetProperty("path").GetString() == path) return text;
        return null;
    }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>"What will publishing change": the draft against the live version, per file and per text and language.</summary>
public sealed class DraftChangesTests
{
    [Fact]
    public async Task A_saved_swedish_edit_is_listed_as_one_file_and_one_swedish_text_until_it_is_published()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        var nothing = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/draft/changes");
        Assert.Empty(nothing.GetProperty("files").EnumerateArray());

        await publisher.EditFileAsync("sample/main.yaml", text => text.Replace("Hej, jag är {bot.name}.", "Hejsan, jag är {bot.name}.", StringComparison.Ordinal));
        var changes = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/draft/changes");

        var file = Assert.Single(changes.GetProperty("files").EnumerateArray());
        Assert.Equal("sample/main.yaml", file.GetProperty("path").GetString());
        Assert.Contains("+      sv: \"Hejsan, jag är {bot.name}.", file.GetProperty("unified").GetString());
        var text = Assert.Single(changes.GetProperty("texts").EnumerateArray());
        Assert.Equal("steps[0].say", text.GetProperty("path").GetString());
        Assert.Equal(["sv"], text.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.StartsWith("Hej, jag är", text.GetProperty("before").GetProperty("sv").GetString());
        Assert.Equal(changes.GetProperty("liveVersion").GetInt32(), (await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions")).EnumerateArray().Max(v => v.GetProperty("number").GetInt32()));

        Assert.True((await publisher.PublishAsync("Swedish greeting")).IsSuccessStatusCode);
        Assert.Empty((await publisher.GetFromJsonAsync<JsonElement>("/editor/api/draft/changes")).GetProperty("files").EnumerateArray());
    }
}

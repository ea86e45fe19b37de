using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>The per-language diff: which translated texts changed between two versions, and in which languages.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public async Task A_translator_sees_only_the_texts_whose_wording_changed_in_their_language()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        await publisher.EditFileAsync("sample/main.yaml", c => c
            .Replace("Jag kan fråga hur du mår.\"", "Jag kan fråga hur du har det.\"", StringComparison.Ordinal)
            .Replace("{ fi: \"Kysy kuulumisia\"", "{ fi: \"Kysy, mitä kuuluu\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("Swedish greeting and a Finnish button")).StatusCode);

        var swedish = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions/1/diff/2/texts?language=sv");
        var change = Assert.Single(swedish.GetProperty("changes").EnumerateArray());
        Assert.Equal("sample/main.yaml", change.GetProperty("file").GetString());
        Assert.Equal("steps[0].say", change.GetProperty("path").GetString());
        Assert.Equal("modified", change.GetProperty("change").GetString());
        Assert.Equal(["sv"], change.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Hej, jag är {bot.name}. Jag kan fråga hur du mår.", change.GetProperty("before").GetProperty("sv").GetString());
        Assert.Equal("Hej, jag är {bot.name}. Jag kan fråga hur du har det.", change.GetProperty("after").GetProperty("sv").GetString());

        var finnish = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions/1/diff/2/texts?language=fi");
        Assert.Equal(["steps[0].suggestions[0]"], finnish.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("path").GetString()));
        var all = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions/1/diff/2/texts");
        Assert.Equal(2, all.GetProperty("changes").GetArrayLength());
        var english = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions/1/diff/2/texts?language=en");
        Assert.Equal(0, english.GetProperty("changes").GetArrayLength());

        Assert.Equal(HttpStatusCode.BadRequest, (await publisher.GetAsync("/editor/api/versions/1/diff/2/texts?language=svenska")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publisher.GetAsync("/editor/api/versions/1/diff/9/texts")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Saving a preview conversation as a transcript test (<c>POST /editor/api/tests</c>).</summary>
public sealed class PreviewRecordingTests
{
    /// <summary>A preview conversation: greeting, "no thanks", then starting the check-in (its first question waits).</summary>
    private static async Task<ChatClient> RecordConversationAsync(EditorHost host, HttpClient editor)
    {
        var preview = await editor.StartPreviewAsync("youth", "fi");
        var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");
        await chat.JoinAsync("fi-FI");
        await chat.WaitForBotAsync(2, m => ChatClient.Text(m)?.Contains("kymmeneen") == true);
        await chat.SayAsync("ei kiitos");
        await chat.WaitForBotAsync(3, m => ChatClient.Text(m)?.Contains("Kirjoita") == true);
        await chat.SayAsync("haluan kertoa kuulumisia");
        await chat.WaitForBotAsync(4, m => ChatClient.Text(m)?.Contains("1/10") == true);
        return chat;
    }

    private static Task<HttpResponseMessage> SaveAsTestAsync(HttpClient editor, string conversationId, string name) =>
        editor.PostAsJsonAsync("/editor/api/tests", new { conversationId, name });

    [Fact]
    public async Task APreviewConversationBecomesATestThatPassesAndFailsWhenTheDraftChanges()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        using var chat = await RecordConversationAsync(host, editor);

        var response = await SaveAsTestAsync(editor, chat.ConversationId, "Ei kiitos – myöhemmin kysely");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        const string path = "youth/tests/ei_kiitos_myohemmin_kysely.yaml";
        Assert.Equal(path, body.GetProperty("path").GetString());
        Assert.True(body.GetProperty("validation").GetProperty("isValid").GetBoolean());
        var yaml = body.GetProperty("content").GetString()!;
        Assert.Contains("name: \"Ei kiitos – myöhemmin kysely\"", yaml);
        Assert.Contains("languages: [fi]", yaml);
        Assert.Contains("  - join: true", yaml);
        Assert.Contains("  - user: \"ei kiitos\"", yaml);
        Assert.Contains("suggested: [\"Kuulumiset\", \"Nuorten palvelut\"]", yaml);
        Assert.Contains("  - join: true\n    bot:\n      - contains: \"Olen Nuorten hyvinvointibotti (Kunnan nuorisopalvelut)\"", yaml);
        Assert.Contains("      flow: \"checkin\"\n      step: \"health\"", yaml);

        // It is a draft file like any other (listed, readable, audited as a save by the editor).
        var (content, _) = await editor.ReadFileAsync(path);
        Assert.Equal(yaml, content);
        Assert.Contains(await editor.GetFromJsonAsync<JsonElement>("/editor/api/tests?bot=youth") is var tests ? tests.EnumerateArray() : default,
            t => t.GetProperty("file").GetString() == path && t.GetProperty("name").GetString() == "Ei kiitos – myöhemmin kysely");
        using var publisher = await host.SignedInAsync("pekka");
        var audit = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "save" && e.GetProperty("target").GetString() == path && e.GetProperty("user").GetString() == "ella");

        // Run right away on the draft: it passes.
        var run = await editor.PostAsJsonAsync("/editor/api/tests/run", new { file = path });
        var report = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("failed").GetInt32() == 0 && report.GetProperty("passed").GetInt32() == 1, report.ToString());

        // And it guards the recorded behaviour: change the reply it recorded and it fails at that turn.
        await editor.EditFileAsync("youth/main.yaml", c => c.Replace("fi: \"Selvä! Kirjoita", "fi: \"Okei. Kirjoita", StringComparison.Ordinal)
            .Replace("- { fi: \"Kuulumiset\",", "- { fi: \"Aloita\",", StringComparison.Ordinal));
        report = await (await editor.PostAsJsonAsync("/editor/api/tests/run", new { file = path })).Content.ReadFromJsonAsync<JsonElement>();
        var result = Assert.Single(report.GetProperty("results").EnumerateArray());
        Assert.False(result.GetProperty("passed").GetBoolean());
        Assert.Equal(1, result.GetProperty("turn").GetInt32());
    }

    [Fact]
    public async Task AnExistingNameIs409AndOnlyTheEditorsOwnPreviewConversationsCanBeSaved()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        using var chat = await RecordConversationAsync(host, editor);
        Assert.Equal(HttpStatusCode.Created, (await SaveAsTestAsync(editor, chat.ConversationId, "kaksi kertaa")).StatusCode);
        var again = await SaveAsTestAsync(editor, chat.ConversationId, "Kaksi kertaa!");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("youth/tests/kaksi_kertaa.yaml", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        // An existing hand-written test is never overwritten either.
        Assert.Equal(HttpStatusCode.Conflict, (await SaveAsTestAsync(editor, chat.ConversationId, "later")).StatusCode);
        Assert.Contains("Saying no to the check-in", (await editor.ReadFileAsync("youth/tests/later.yaml")).Content);

        // Another editor cannot save ella's preview; nobody can save a citizen's conversation with the live bot.
        using var other = await host.SignedInAsync("pekka");
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsTestAsync(other, chat.ConversationId, "vieras")).StatusCode);
        using var citizen = new ChatClient(host.BaseAddress, PreviewTestSupport.YouthSecret);
        await citizen.StartAsync("editor-ella"); // even with the editor's user id
        await citizen.WaitForBotAsync(1);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsTestAsync(editor, citizen.ConversationId, "kansalainen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsTestAsync(editor, "no-such-conversation", "ei ole")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SaveAsTestAsync(editor, chat.ConversationId, " – ")).StatusCode);
        var tests = await editor.GetFromJsonAsync<JsonElement>("/editor/api/tests?bot=youth");
        Assert.DoesNotContain(tests.EnumerateArray(), t => t.GetProperty("file").GetString() is "youth/tests/vieras.yaml" or "youth/tests/kansalainen.yaml");
    }

    [Fact]
    public async Task RecommendationCarouselsAreRecordedAsCardsInTheConversationsLanguage()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync(withNetwork: true);
        using var editor = await host.SignedInAsync("ella");
        var preview = await editor.StartPreviewAsync("housing", "en");
        using var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");
        await chat.WaitForBotAsync(1, m => ChatClient.Text(m)?.Contains("I help you find a home") == true);
        await chat.SayAsync("I'm looking for a home", "en-US");
        await chat.WaitForBotAsync(2, m => ChatClient.Text(m)?.Contains("Which municipality") == true);
        await chat.SayAsync("Mikkeli", "en-US");
        var replies = await chat.WaitForBotAsync(3, m => m["attachments"]?.AsArray().Count > 0);
        var cards = replies.First(m => m["attachments"]?.AsArray().Count > 0)["attachments"]!.AsArray().Count;

        var response = await SaveAsTestAsync(editor, chat.ConversationId, "Home in Mikkeli");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        var yaml = body.GetProperty("content").GetString()!;
        Assert.Contains("languages: [en]", yaml);
        Assert.Contains("  - user: \"Mikkeli\"", yaml);
        Assert.Contains($"cards: {cards}", yaml);

        var report = await (await editor.PostAsJsonAsync("/editor/api/tests/run", new { file = "housing/tests/home_in_mikkeli.yaml" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("passed").GetInt32() == 1 && report.GetProperty("failed").GetInt32() == 0, report.ToString());
    }
}

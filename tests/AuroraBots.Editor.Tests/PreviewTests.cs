using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuroraBots.Editor.Tests;

/// <summary>The preview: Web Chat's Direct Line conversation with the DRAFT of a bot, through the real channel on Kestrel.</summary>
public sealed class PreviewTests
{
    private const string LiveGreeting = "Moi! Olen";
    private const string DraftGreeting = "Terve vaan! Olen";

    private static async Task ChangeGreetingAsync(HttpClient editor, string to) =>
        await editor.EditFileAsync("youth/main.yaml", c => c.Replace("fi: \"Moi! Olen", $"fi: \"{to}", StringComparison.Ordinal));

    [Fact]
    public async Task ThePreviewRunsTheDraftWhileTheLiveBotKeepsThePublishedText()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        await ChangeGreetingAsync(editor, DraftGreeting);

        var preview = await editor.StartPreviewAsync("youth", "fi");
        Assert.Equal("draft.youth", (string?)preview["botId"]);
        Assert.True((bool)preview["draftValid"]!);
        Assert.Empty(preview["errors"]!.AsArray());
        Assert.True((int)preview["expiresIn"]! > 0);
        using var draftChat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await draftChat.StartAsync("editor-ella");
        Assert.Equal((string?)preview["conversationId"], draftChat.ConversationId);
        var draftReplies = await draftChat.WaitForBotAsync(2, m => ChatClient.Text(m)?.Contains("kymmeneen") == true);
        Assert.StartsWith(DraftGreeting, ChatClient.Text(draftReplies[0]));

        // Every bot activity carries the trace the preview pane shows beside the message.
        var trace = draftReplies[1]["channelData"]!["aurora"]!;
        Assert.Equal("youth", (string?)trace["bot"]);
        Assert.Equal("main", (string?)trace["flow"]);
        Assert.Equal("offer", (string?)trace["step"]);
        Assert.Equal("fi", (string?)trace["locale"]);

        // A citizen on the live bot (the site's secret) still gets the published text.
        using var liveChat = new ChatClient(host.BaseAddress, PreviewTestSupport.YouthSecret);
        await liveChat.StartAsync("citizen1", "fi-FI");
        var liveReplies = await liveChat.WaitForBotAsync(2, m => ChatClient.Text(m)?.Contains("kymmeneen") == true);
        Assert.StartsWith(LiveGreeting, ChatClient.Text(liveReplies[0]));
        Assert.DoesNotContain(liveReplies, m => ChatClient.Text(m)!.Contains(DraftGreeting));
    }

    [Fact]
    public async Task ASaveIsUsedByTheNextMessageOfARunningPreview()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        var preview = await editor.StartPreviewAsync("youth", "fi");
        using var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");
        await chat.WaitForBotAsync(2, m => ChatClient.Text(m)?.Contains("kymmeneen") == true);

        await editor.EditFileAsync("youth/main.yaml", c => c.Replace("fi: \"Selvä! Kirjoita", "fi: \"Okei, ei haittaa! Kirjoita", StringComparison.Ordinal));
        await chat.SayAsync("ei kiitos");
        var replies = await chat.WaitForBotAsync(3, m => ChatClient.Text(m)?.Contains("Kirjoita") == true);
        var later = replies.Last(m => ChatClient.Text(m)!.Contains("Kirjoita"));
        Assert.StartsWith("Okei, ei haittaa!", ChatClient.Text(later));
        Assert.Equal("later", (string?)later["channelData"]!["aurora"]!["step"]);
    }

    [Fact]
    public async Task ADraftChangeMadeByAnotherInstanceReachesThePreview()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        var first = await editor.StartPreviewAsync("youth");
        using var before = new ChatClient(host.BaseAddress, (string)first["token"]!);
        await before.StartAsync("editor-ella");
        Assert.StartsWith(LiveGreeting, ChatClient.Text((await before.WaitForBotAsync(1))[0]));

        // Another instance sharing the store saved: this instance's editor service never saw it.
        var file = Path.Combine(host.DataPath, "draft", "youth", "main.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("fi: \"Moi! Olen", $"fi: \"{DraftGreeting}", StringComparison.Ordinal));

        var second = await editor.StartPreviewAsync("youth");
        using var after = new ChatClient(host.BaseAddress, (string)second["token"]!);
        await after.StartAsync("editor-ella");
        Assert.StartsWith(DraftGreeting, ChatClient.Text((await after.WaitForBotAsync(1))[0]));
    }

    [Fact]
    public async Task ARollbackResetsTheDraftOfARunningPreview()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        await editor.EditFileAsync("youth/main.yaml", c => c.Replace("fi: \"Selvä! Kirjoita", "fi: \"Okei, ei haittaa! Kirjoita", StringComparison.Ordinal));
        var preview = await editor.StartPreviewAsync("youth", "fi");
        using var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");
        await chat.WaitForBotAsync(2, m => ChatClient.Text(m)?.Contains("kymmeneen") == true);

        using var publisher = await host.SignedInAsync("pekka");
        var versions = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions");
        var first = versions.EnumerateArray().Min(v => v.GetProperty("number").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await publisher.PostAsJsonAsync($"/editor/api/versions/{first}/rollback", new { comment = "undo" })).StatusCode);

        await chat.SayAsync("ei kiitos");
        var replies = await chat.WaitForBotAsync(3, m => ChatClient.Text(m)?.Contains("Kirjoita") == true);
        Assert.StartsWith("Selvä! Kirjoita", ChatClient.Text(replies.Last(m => ChatClient.Text(m)!.Contains("Kirjoita"))));
    }

    [Fact]
    public async Task AnInvalidDraftKeepsTheLastValidDraftAndSaysSo()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        await ChangeGreetingAsync(editor, DraftGreeting);
        Assert.True((bool)(await editor.StartPreviewAsync("youth"))["draftValid"]!);

        var saved = await editor.EditFileAsync("youth/main.yaml", c => c.Replace("no: later", "no: nowhere", StringComparison.Ordinal));
        Assert.False(saved.GetProperty("validation").GetProperty("isValid").GetBoolean());

        var preview = await editor.StartPreviewAsync("youth", "fi");
        Assert.False((bool)preview["draftValid"]!);
        Assert.Contains(preview["errors"]!.AsArray(), e => (string?)e!["file"] == "youth/main.yaml" && ((string?)e["message"])!.Contains("nowhere"));
        using var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");
        var replies = await chat.WaitForBotAsync(1, m => ChatClient.Text(m)?.StartsWith("Terve") == true);
        Assert.StartsWith(DraftGreeting, ChatClient.Text(replies[0])); // the last valid draft, not the live text
    }

    [Fact]
    public async Task AnUnknownBotIs404AndAPreviewInSwedishGreetsInSwedish()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        var unknown = await editor.PostAsJsonAsync("/editor/api/preview/nobody", new { locale = "fi" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nobody", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/editor/api/preview/youth", new { locale = "de" })).StatusCode);
        var withoutBody = await editor.PostAsync("/editor/api/preview/youth", null);
        Assert.Equal(HttpStatusCode.OK, withoutBody.StatusCode); // the locale is optional: the bot's default language

        var preview = await editor.StartPreviewAsync("youth", "sv");
        using var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");
        var replies = await chat.WaitForBotAsync(1);
        Assert.StartsWith("Hej! Jag är", ChatClient.Text(replies[0]));
        Assert.Equal("sv", (string?)replies[0]["channelData"]!["aurora"]!["locale"]);
    }

    [Fact]
    public async Task CitizensCannotReachADraftConversationWithALiveSecret()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        var preview = await editor.StartPreviewAsync("youth");
        using var chat = new ChatClient(host.BaseAddress, (string)preview["token"]!);
        await chat.StartAsync("editor-ella");

        // The youth bot's secret is valid for youth conversations only, not for the draft's.
        using var citizen = new ChatClient(host.BaseAddress, PreviewTestSupport.YouthSecret);
        var read = await citizen.SendAsync(HttpMethod.Get, $"conversations/{chat.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var post = await citizen.SendAsync(HttpMethod.Post, $"conversations/{chat.ConversationId}/activities",
            new { type = "message", text = "hei", from = new { id = "citizen" } });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // A token generated with the secret opens a conversation with the live bot, never the draft.
        var generated = await citizen.SendAsync(HttpMethod.Post, "tokens/generate", new { user = new { id = "citizen" } });
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var token = (string)JsonNode.Parse(await generated.Content.ReadAsStringAsync())!["token"]!;
        using var viaToken = new ChatClient(host.BaseAddress, token);
        await viaToken.StartAsync("citizen");
        var replies = await viaToken.WaitForBotAsync(1);
        Assert.Equal("youth", (string?)replies[0]["from"]!["id"]);
    }

    [Fact]
    public async Task ASecretForADraftBotIdIsRefusedAtStartUp()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PreviewTestSupport.StartWithChannelAsync(s => s["DirectLine:Bots:draft.youth:Secrets:0"] = "a-secret-that-would-open-the-draft-0123"));
        Assert.Contains("draft.", failure.Message);
    }

    [Fact]
    public async Task PreviewNeedsSignIn()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync(NoRoleUser.Add);
        using var anonymous = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/editor/api/preview/youth", new { locale = "fi" })).StatusCode);
        using var noRole = await host.SignedInAsync(NoRoleUser.Name);
        Assert.Equal(HttpStatusCode.Forbidden, (await noRole.PostAsJsonAsync("/editor/api/preview/youth", new { locale = "fi" })).StatusCode);
    }
}

/// <summary>A configured user without any role: signed in, but every editor endpoint must answer 403.</summary>
public static class NoRoleUser
{
    public const string Name = "vieras";

    public static void Add(Dictionary<string, string?> settings)
    {
        var index = Enumerable.Range(0, 100).First(i => !settings.ContainsKey($"Editor:Users:{i}:Name"));
        settings[$"Editor:Users:{index}:Name"] = Name;
        settings[$"Editor:Users:{index}:PasswordHash"] = settings["Editor:Users:0:PasswordHash"];
    }
}

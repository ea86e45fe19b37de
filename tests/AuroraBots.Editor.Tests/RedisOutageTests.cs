using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Dialogs.Engine;

namespace AuroraBots.Editor.Tests;

/// <summary>Redis down: the API answers 503 with a message, the host keeps running, the bots keep their content, nothing is lost.</summary>
public sealed class RedisOutageTests
{
    private const string Original = "Hei, olen {bot.name}. Voin kysyä kuulumisiasi.";

    private static string? Greeting(DialogRuntime runtime) =>
        runtime.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say?.ByLanguage.GetValueOrDefault("fi");

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
        Assert.Contains("Redis", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frozen_Redis_gives_503_loses_nothing_and_the_editor_works_again_afterwards()
    {
        using var server = await RedisServerProcess.StartAsync();
        await using var host = await EditorHost.StartAsync(settings: s =>
        {
            s["ConnectionStrings:Redis"] = server.Configuration + ",asyncTimeout=1000,syncTimeout=1000";
            s["Editor:RedisKeyPrefix"] = RedisFixture.UniquePrefix();
        });
        using var publisher = await host.SignedInAsync("pekka");
        var (content, etag) = await publisher.ReadFileAsync("sample/main.yaml");
        var livePath = Path.Combine(host.LivePath, "sample", "main.yaml");
        var live = await File.ReadAllTextAsync(livePath);

        await server.PauseAsync();
        try
        {
            await AssertUnavailableAsync(await publisher.SaveFileAsync("sample/main.yaml", content + "\n# during the outage\n", etag));
            await AssertUnavailableAsync(await publisher.GetAsync("/editor/api/files"));
            await AssertUnavailableAsync(await publisher.PublishAsync("during the outage"));
            // The host is alive and the bots keep serving their live folder.
            Assert.Equal(HttpStatusCode.OK, (await publisher.GetAsync("/editor/api/me")).StatusCode);
            Assert.Equal(Original, Greeting(host.Dialogs.Current));
            Assert.Equal(live, await File.ReadAllTextAsync(livePath));
        }
        finally { await server.ResumeAsync(); }

        // Nothing was half-saved, and the same ETag still saves once Redis answers again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        HttpResponseMessage saved;
        do saved = await publisher.SaveFileAsync("sample/main.yaml", content + "\n# after the outage\n", etag);
        while (saved.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.EndsWith("# after the outage\n", (await publisher.ReadFileAsync("sample/main.yaml")).Content, StringComparison.Ordinal);
        var versions = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions");
        Assert.Equal([1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task A_host_whose_Redis_is_not_running_starts_serves_its_bots_and_answers_503()
    {
        await using var host = await EditorHost.StartAsync(settings: s =>
        {
            s["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePorts.Next()}";
            s["Editor:RedisKeyPrefix"] = RedisFixture.UniquePrefix();
        });
        Assert.Equal(Original, Greeting(host.Dialogs.Current));
        using var client = host.Client();
        // Signing in is audited, and the audit log is in Redis: refused with a message rather than unrecorded.
        await AssertUnavailableAsync(await client.PostAsJsonAsync("/editor/api/session", new { name = "pekka", password = EditorHost.Password }));
        Assert.Equal(Original, Greeting(host.Dialogs.Current));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>With Redis, users and reviews are shared: what one host instance records, every instance sees.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSharedRecordsTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Password = "shared across instances 9";
    private readonly string _prefix = RedisFixture.UniquePrefix();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(_prefix);

    private Task<EditorHost> StartAsync() => EditorHost.StartAsync(settings: s =>
    {
        s["ConnectionStrings:Redis"] = redis.Configuration;
        s["Editor:RedisKeyPrefix"] = _prefix;
    });

    [Fact]
    public async Task A_user_added_on_one_instance_signs_in_on_another_and_is_stored_only_as_a_hash()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        using var admin = await a.SignedInAsync("aino");
        (await admin.PostAsJsonAsync("/editor/api/users", new { name = "sanna", password = Password, roles = new[] { "editor" } })).EnsureSuccessStatusCode();

        using var onB = b.Client();
        Assert.Equal(HttpStatusCode.OK, (await onB.PostAsJsonAsync("/editor/api/session", new { name = "sanna", password = Password })).StatusCode);
        var listed = await (await b.SignedInAsync("aino")).GetFromJsonAsync<JsonElement>("/editor/api/users");
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("name").GetString() == "sanna" && u.GetProperty("source").GetString() == "editor");
        Assert.False(File.Exists(Path.Combine(a.DataPath, "users.json")), "with Redis, users are not kept in files");

        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var raw = string.Join("\n", await connection.GetDatabase().HashValuesAsync(_prefix + "editor:users"));
        Assert.DoesNotContain(Password, raw, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$", raw, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/editor/api/users/sanna")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/editor/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_valid_on_another()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var signIn = await a.Client().PostAsJsonAsync("/editor/api/session", new { name = "ella", password = EditorHost.Password });
        signIn.EnsureSuccessStatusCode();
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("AuroraEditor=", StringComparison.Ordinal)).Split(';')[0];

        // The instances run from different folders, so only the shared key ring in Redis can make the cookie readable on b.
        using var onB = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = b.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor/api/me") { Headers = { { "Cookie", cookie } } };
        var me = await onB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("ella", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        Assert.True(await connection.GetDatabase().ListLengthAsync(AuroraBots.Platform.Security.SharedKeyRing.RedisKey) > 0, "the key ring is in Redis");
    }

    [Fact]
    public async Task A_review_submitted_on_one_instance_is_approved_on_another()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        using var ella = await a.SignedInAsync("ella");
        await ella.EditFileAsync("sample/main.yaml", c => c.Replace("Voin kysyä kuulumisiasi.", "Voin kysyä, mitä kuuluu.", StringComparison.Ordinal));
        var submitted = await ella.PostAsJsonAsync("/editor/api/reviews", new { comment = "shared review" });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var pekka = await b.SignedInAsync("pekka");
        Assert.Equal(HttpStatusCode.Created, (await pekka.PostAsJsonAsync($"/editor/api/reviews/{id}/approve", new { })).StatusCode);
        var onA = (await ella.GetFromJsonAsync<JsonElement>("/editor/api/reviews")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("approved", onA.GetProperty("state").GetString());
        Assert.False(File.Exists(Path.Combine(a.DataPath, "reviews.json")), "with Redis, reviews are not kept in files");
    }
}

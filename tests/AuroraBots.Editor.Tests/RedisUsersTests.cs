using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>With Redis, users an admin adds on one host instance sign in on every instance, and removal ends their sessions everywhere.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisUsersTests(RedisFixture redis) : IAsyncLifetime
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
}

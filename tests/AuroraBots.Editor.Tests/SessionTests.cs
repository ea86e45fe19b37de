using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

public sealed class SessionTests
{
    [Fact]
    public async Task Requests_without_sign_in_get_401()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/editor/api/files")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/editor/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PublishAsync("x")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_audited_without_the_password()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = host.Client();
        var response = await client.PostAsJsonAsync("/editor/api/session", new { name = "pekka", password = "wrong-guess-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/editor/api/me")).StatusCode);

        using var publisher = await host.SignedInAsync("pekka");
        var audit = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        var signIns = audit.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "sign-in").ToList();
        Assert.Contains(signIns, e => e.GetProperty("user").GetString() == "pekka" && !e.GetProperty("success").GetBoolean());
        Assert.Contains(signIns, e => e.GetProperty("user").GetString() == "pekka" && e.GetProperty("success").GetBoolean());
        var raw = await File.ReadAllTextAsync(Path.Combine(host.DataPath, "audit.jsonl"));
        Assert.DoesNotContain("wrong-guess-123", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(EditorHost.Password, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_sets_a_strict_http_only_cookie_and_me_shows_the_roles()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = host.Client();
        var response = await client.PostAsJsonAsync("/editor/api/session", new { name = "ella", password = EditorHost.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(EditorHost.Password, cookie, StringComparison.Ordinal);

        var me = await client.GetFromJsonAsync<JsonElement>("/editor/api/me");
        Assert.Equal("ella", me.GetProperty("name").GetString());
        Assert.Equal(["editor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/editor/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/editor/api/me")).StatusCode);
    }

    [Fact]
    public async Task Roles_are_enforced_editor_below_publisher_below_admin()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        using var publisher = await host.SignedInAsync("pekka");
        using var admin = await host.SignedInAsync("aino");

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editor/api/files")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PublishAsync("not allowed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/editor/api/versions/1/rollback", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/editor/api/audit")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await publisher.GetAsync("/editor/api/files")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publisher.GetAsync("/editor/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/editor/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/editor/api/validation")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/editor/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.GetAsync("/editor/api/users")).StatusCode);
        var users = await admin.GetStringAsync("/editor/api/users");
        Assert.Equal(["ella", "pekka", "aino"], JsonDocument.Parse(users).RootElement.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        Assert.DoesNotContain("pbkdf2", users, StringComparison.Ordinal);
    }
}

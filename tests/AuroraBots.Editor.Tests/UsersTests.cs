using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Admins manage the editor's own users; configured users are fixed; sessions follow changes at once.</summary>
public sealed class UsersTests
{
    private const string NewPassword = "a long enough password 42";

    [Fact]
    public async Task An_admin_adds_a_user_who_can_sign_in_with_the_given_role_and_the_password_is_stored_only_hashed()
    {
        await using var host = await EditorHost.StartAsync();
        using var admin = await host.SignedInAsync("aino");
        var created = await admin.PostAsJsonAsync("/editor/api/users", new { name = "maija", password = NewPassword, roles = new[] { "publisher" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var maija = host.Client();
        var signIn = await maija.PostAsJsonAsync("/editor/api/session", new { name = "Maija", password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await maija.PublishAsync("by a managed publisher")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await maija.GetAsync("/editor/api/users")).StatusCode);

        var list = await admin.GetFromJsonAsync<JsonElement>("/editor/api/users");
        var entry = list.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "maija");
        Assert.Equal("editor", entry.GetProperty("source").GetString());
        Assert.Equal("aino", entry.GetProperty("changedBy").GetString());
        Assert.Equal("configuration", list.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "pekka").GetProperty("source").GetString());

        foreach (var file in Directory.EnumerateFiles(host.DataPath, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(NewPassword, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "user-add" && e.GetProperty("target").GetString() == "maija");
    }

    [Fact]
    public async Task Bad_requests_get_clear_errors_and_change_nothing()
    {
        await using var host = await EditorHost.StartAsync();
        using var admin = await host.SignedInAsync("aino");
        var response = await admin.PostAsJsonAsync("/editor/api/users", new { name = "x y", password = "short", roles = new[] { "boss" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("name", errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("12 characters", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("editor, publisher, admin", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/editor/api/users", new { name = "PEKKA", password = NewPassword, roles = new[] { "editor" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync("/editor/api/users/pekka", new { roles = new[] { "admin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync("/editor/api/users/ella")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/editor/api/users/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/editor/api/users/nobody", new { })).StatusCode);

        var names = (await admin.GetFromJsonAsync<JsonElement>("/editor/api/users")).EnumerateArray().Select(u => u.GetProperty("name").GetString());
        Assert.Equal(["ella", "pekka", "aino"], names);
    }

    [Fact]
    public async Task Changing_roles_or_password_and_removing_a_user_end_their_sessions()
    {
        await using var host = await EditorHost.StartAsync();
        using var admin = await host.SignedInAsync("aino");
        (await admin.PostAsJsonAsync("/editor/api/users", new { name = "timo", password = NewPassword, roles = new[] { "editor" } })).EnsureSuccessStatusCode();
        using var timo = host.Client();
        (await timo.PostAsJsonAsync("/editor/api/session", new { name = "timo", password = NewPassword })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await timo.GetAsync("/editor/api/audit")).StatusCode);

        (await admin.PutAsJsonAsync("/editor/api/users/timo", new { roles = new[] { "publisher" } })).EnsureSuccessStatusCode();
        // The role change renewed timo's security stamp: the old session is over; signing in again gives the new role.
        Assert.Equal(HttpStatusCode.Unauthorized, (await timo.GetAsync("/editor/api/me")).StatusCode);
        (await timo.PostAsJsonAsync("/editor/api/session", new { name = "timo", password = NewPassword })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await timo.GetAsync("/editor/api/audit")).StatusCode);
        var me = await timo.GetFromJsonAsync<JsonElement>("/editor/api/me");
        Assert.Equal(["publisher"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        const string Reset = "another long password 7";
        (await admin.PutAsJsonAsync("/editor/api/users/timo", new { password = Reset })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await timo.GetAsync("/editor/api/me")).StatusCode); // an admin's reset ends sessions
        using var again = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsJsonAsync("/editor/api/session", new { name = "timo", password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsJsonAsync("/editor/api/session", new { name = "timo", password = Reset })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/editor/api/users/timo")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await timo.GetAsync("/editor/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/editor/api/files")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_remove_or_demote_themselves()
    {
        await using var host = await EditorHost.StartAsync();
        using var aino = await host.SignedInAsync("aino");
        (await aino.PostAsJsonAsync("/editor/api/users", new { name = "helka", password = NewPassword, roles = new[] { "admin" } })).EnsureSuccessStatusCode();
        using var helka = host.Client();
        (await helka.PostAsJsonAsync("/editor/api/session", new { name = "helka", password = NewPassword })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Conflict, (await helka.PutAsJsonAsync("/editor/api/users/helka", new { roles = new[] { "editor" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await helka.DeleteAsync("/editor/api/users/helka")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helka.GetAsync("/editor/api/users")).StatusCode);
    }

    [Fact]
    public async Task Managed_users_survive_a_restart()
    {
        string data;
        await using (var host = await EditorHost.StartAsync())
        {
            using var admin = await host.SignedInAsync("aino");
            (await admin.PostAsJsonAsync("/editor/api/users", new { name = "kalle", password = NewPassword, roles = new[] { "editor" } })).EnsureSuccessStatusCode();
            data = host.DataPath;
            var copy = Path.Combine(Path.GetTempPath(), "aurora-editor-tests", "users-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(copy);
            File.Copy(Path.Combine(data, "users.json"), Path.Combine(copy, "users.json"));
            data = copy;
        }
        await using var restarted = await EditorHost.StartAsync(settings: s => s["Editor:DataPath"] = data);
        using var kalle = restarted.Client();
        Assert.Equal(HttpStatusCode.OK, (await kalle.PostAsJsonAsync("/editor/api/session", new { name = "kalle", password = NewPassword })).StatusCode);
        Directory.Delete(data, recursive: true);
    }
}

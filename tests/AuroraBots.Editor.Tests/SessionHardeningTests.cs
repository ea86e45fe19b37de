using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Issue 15, items 9–10: sessions end with the user's security stamp; sign-in is throttled per user and per address.</summary>
public sealed class SessionHardeningTests
{
    private const string Password = "a long enough password 42";

    [Fact]
    public async Task A_removed_users_old_cookie_stays_invalid_when_a_user_of_the_same_name_is_added_again()
    {
        await using var host = await EditorHost.StartAsync();
        using var admin = await host.SignedInAsync("aino");
        (await admin.PostAsJsonAsync("/editor/api/users", new { name = "ville", password = Password, roles = new[] { "editor" } })).EnsureSuccessStatusCode();
        using var oldBrowser = host.Client();
        (await oldBrowser.PostAsJsonAsync("/editor/api/session", new { name = "ville", password = Password })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/editor/api/users/ville")).StatusCode);
        (await admin.PostAsJsonAsync("/editor/api/users", new { name = "ville", password = "quite another password 9", roles = new[] { "admin" } })).EnsureSuccessStatusCode();

        // The attack: the old cookie coming back with the new user's admin role.
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldBrowser.GetAsync("/editor/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldBrowser.GetAsync("/editor/api/users")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_users_sessions_in_every_browser()
    {
        await using var host = await EditorHost.StartAsync();
        using var laptop = await host.SignedInAsync("ella");
        using var phone = await host.SignedInAsync("ella");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/editor/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync("/editor/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/editor/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/editor/api/me")).StatusCode);
        using var again = await host.SignedInAsync("ella");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/editor/api/me")).StatusCode);
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_waits_with_a_clear_message()
    {
        await using var host = await EditorHost.StartAsync();
        using var browser = host.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/editor/api/session", new { name = "pekka", password = $"guess {i}" })).StatusCode);
        var locked = await browser.PostAsJsonAsync("/editor/api/session", new { name = "pekka", password = EditorHost.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter is not null);
        Assert.Contains("Too many failed sign-ins", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // Other users are not locked out by pekka's failures.
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/editor/api/session", new { name = "ella", password = EditorHost.Password })).StatusCode);
    }

    [Fact]
    public async Task Guessing_across_many_names_from_one_address_is_stopped_too()
    {
        await using var host = await EditorHost.StartAsync(s => s["Editor:SignInThrottle:MaxFailuresPerAddress"] = "6");
        using var browser = host.Client();
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/editor/api/session", new { name = $"user{i}", password = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsJsonAsync("/editor/api/session", new { name = "aino", password = EditorHost.Password })).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuroraBots.Host.Tests;

/// <summary>The editor is part of the host: its API needs a sign-in, and only Development ships (public) users.</summary>
public sealed class EditorWiringTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "aurora-host-editor-" + Guid.NewGuid().ToString("N"));

    private sealed class EditorHostFactory(string environment, string data) : HostFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Editor:DataPath"] = data,
            // Production needs a signing key and configured secrets; these tests only look at the editor.
            ["DirectLine:TokenSigningKey"] = "host-tests-signing-key-0123456789abcdef",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }

    [Fact]
    public async Task The_editor_api_needs_a_sign_in_and_the_development_users_can_sign_in()
    {
        await using var factory = new EditorHostFactory("Development", _data);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/editor/api/files")).StatusCode);

        var signIn = await client.PostAsJsonAsync("/editor/api/session", new { name = "publisher", password = "dev-publisher-password" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var files = await client.GetFromJsonAsync<JsonElement>("/editor/api/files");
        Assert.Contains(files.EnumerateArray(), f => f.GetProperty("path").GetString() == "youth/bot.yaml");
        Assert.True(Directory.Exists(Path.Combine(_data, "draft")), "the draft is kept under Editor:DataPath");
    }

    [Fact]
    public async Task Outside_development_no_user_can_sign_in_until_one_is_configured()
    {
        await using var factory = new EditorHostFactory("Production", _data);
        var client = factory.CreateClient();
        var signIn = await client.PostAsJsonAsync("/editor/api/session", new { name = "publisher", password = "dev-publisher-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}

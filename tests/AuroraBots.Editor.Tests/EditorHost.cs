using AuroraBots.Testing;
using AuroraBots.Platform.Security;
using System.Net;
using System.Net.Http.Json;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor;
using AuroraBots.Editor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// A real Kestrel host on 127.0.0.1:0 serving a temp copy of the repo's bots/ (hot reload on) plus the editor,
/// with its own temp data folder. Users: ella (editor), pekka (publisher), aino (admin).
/// </summary>
public sealed class EditorHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    private static readonly Lazy<string> Hash = new(() => PasswordHashes.Hash(Password));

    private readonly WebApplication _app;
    public string Root { get; }
    public string LivePath { get; }
    public string DataPath { get; }
    public Uri BaseAddress { get; }

    private EditorHost(WebApplication app, string root, string live, string data, Uri baseAddress)
    {
        _app = app;
        Root = root;
        LivePath = live;
        DataPath = data;
        BaseAddress = baseAddress;
    }

    public IDialogContent Dialogs => _app.Services.GetRequiredService<IDialogContent>();

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Extra or changed configuration (e.g. <c>ConnectionStrings:Redis</c>).</param>
    /// <param name="services">More services before the editor is added (e.g. the Direct Line channel).</param>
    /// <param name="endpoints">More endpoints after the editor's.</param>
    public static async Task<EditorHost> StartAsync(
        Action<Dictionary<string, string?>>? settings = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? endpoints = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "aurora-editor-tests", Guid.NewGuid().ToString("N"));
        var live = Path.Combine(root, "bots");
        var data = Path.Combine(root, "editor-data");
        RepoPaths.CopyFolder(RepoPaths.Bots, live);

        var configuration = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = live,
            ["Dialogs:HotReload"] = "true",
            ["Editor:DataPath"] = data,
            // This host has no AuroraAI network, so recommendation tests could not pass; the release gate is
            // tested with the network (ReleaseGateTests), where it is on as in production.
            ["Editor:TestsBeforePublish"] = "false",
        };
        string[][] users = [["ella", RolesOf(EditorRoles.Editor)], ["pekka", RolesOf(EditorRoles.Publisher)], ["aino", RolesOf(EditorRoles.Admin)]];
        for (var i = 0; i < users.Length; i++)
        {
            configuration[$"Editor:Users:{i}:Name"] = users[i][0];
            configuration[$"Editor:Users:{i}:PasswordHash"] = Hash.Value;
            configuration[$"Editor:Users:{i}:Roles:0"] = users[i][1];
        }
        settings?.Invoke(configuration);
        var app = await TestHost.StartAsync(configuration, builder =>
        {
            builder.Services.AddAuroraDialogs(builder.Configuration);
            services?.Invoke(builder);
            builder.Services.AddAuroraEditor(builder.Configuration.GetSection(EditorOptions.SectionName));
        }, app =>
        {
            app.MapAuroraEditor();
            endpoints?.Invoke(app);
        }, new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Development" });
        return new EditorHost(app, root, live, data, app.Address());
    }

    private static string RolesOf(string role) => role;

    /// <summary>A client with its own cookie jar (one browser).</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };

    public async Task<HttpClient> SignedInAsync(string name)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/editor/api/session", new { name, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>Polls until the engine serves content matching <paramref name="condition"/> (hot reload is debounced).</summary>
    public async Task<bool> WaitForEngineAsync(Func<DialogRuntime, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Dialogs.Current)) return true;
            await Task.Delay(100);
        }
        return condition(Dialogs.Current);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAndDisposeAsync();
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { /* temp folder; best effort */ }
    }
}

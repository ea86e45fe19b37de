using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary><c>POST /editor/api/validate</c>: the whole draft checked with one file replaced by unsaved text, nothing saved.</summary>
public sealed class LiveValidationTests
{
    private static async Task<JsonElement> ValidateAsync(HttpClient editor, string path, string content)
    {
        var response = await editor.PostAsJsonAsync("/editor/api/validate", new { path, content });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    [Fact]
    public async Task AnErrorIsReportedAtItsYamlPathAndNothingIsSaved()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        var (content, etag) = await editor.ReadFileAsync("youth/main.yaml");

        var report = await ValidateAsync(editor, "youth/main.yaml", content.Replace("no: later", "no: nowhere", StringComparison.Ordinal));
        Assert.False(report.GetProperty("isValid").GetBoolean());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal("youth/main.yaml", e.GetProperty("file").GetString()));
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "steps[1].no" && e.GetProperty("message").GetString()!.Contains("nowhere"));

        // The draft is untouched: same ETag, still valid, no save in the audit log.
        Assert.Equal(etag, (await editor.ReadFileAsync("youth/main.yaml")).ETag);
        Assert.True((await editor.GetFromJsonAsync<JsonElement>("/editor/api/validation")).GetProperty("isValid").GetBoolean());
        using var publisher = await host.SignedInAsync("pekka");
        Assert.DoesNotContain((await publisher.GetFromJsonAsync<JsonElement>("/editor/api/audit")).EnumerateArray(), e => e.GetProperty("action").GetString() == "save");

        // A localized text missing a language is reported at the field (snake_case path like the loader's).
        var missingSv = content.Replace("      sv: \"Hej! Jag är {bot.name} ({bot.organisation}). Här kan du berätta hur du har det – anonymt och i din egen takt.\"\n", "", StringComparison.Ordinal);
        Assert.NotEqual(content, missingSv);
        var text = await ValidateAsync(editor, "youth/main.yaml", missingSv);
        Assert.Contains(text.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString()!.StartsWith("steps[0].say", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWholeDraftIsValidatedWithTheUnsavedFile()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        var (bot, _) = await editor.ReadFileAsync("youth/bot.yaml");
        var withExtra = bot.Replace("flows: [main, checkin, services, to_work]", "flows: [main, checkin, services, to_work, extra]", StringComparison.Ordinal);
        Assert.NotEqual(bot, withExtra);
        Assert.False((await ValidateAsync(editor, "youth/bot.yaml", withExtra)).GetProperty("isValid").GetBoolean());

        // Once the flow exists in the draft, the same unsaved manifest is valid.
        var created = await editor.CreateFileAsync("youth/extra.yaml", "steps:\n  - say: { fi: \"Lisää\", sv: \"Mer\", en: \"More\" }\n");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await ValidateAsync(editor, "youth/bot.yaml", withExtra);
        Assert.True(report.GetProperty("isValid").GetBoolean(), report.ToString());

        // A new, not yet saved file is validated too.
        var unsaved = await ValidateAsync(editor, "youth/more.yaml", "steps:\n  - goto: nowhere\n");
        Assert.Contains(unsaved.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString() == "youth/more.yaml");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/editor/api/files/youth/more.yaml")).StatusCode);
    }

    [Fact]
    public async Task AYamlSyntaxErrorNamesTheLine()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        var report = await ValidateAsync(editor, "youth/main.yaml", "steps:\n  - say:\n      fi: \"unclosed\n      sv: x\n");
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString() == "youth/main.yaml");
        Assert.Equal("", error.GetProperty("path").GetString());
        Assert.Matches("^line [34], column [0-9]+: ", error.GetProperty("message").GetString());

        var test = await ValidateAsync(editor, "youth/tests/later.yaml", "name: x\nturns:\n  - user: [\n");
        var testError = Assert.Single(test.GetProperty("errors").EnumerateArray());
        Assert.Equal("youth/tests/later.yaml", testError.GetProperty("file").GetString());
        Assert.Matches("^line [34], column [0-9]+: ", testError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task BadRequestsAreRefusedAndTheEndpointNeedsTheEditorRole()
    {
        await using var host = await EditorHost.StartAsync(NoRoleUser.Add);
        using var editor = await host.SignedInAsync("ella");
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/editor/api/validate", new { path = "../x.yaml", content = "a: b" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/editor/api/validate", new { path = "youth/x.txt", content = "a: b" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/editor/api/validate", new { path = "youth/main.yaml" })).StatusCode);
        using var anonymous = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/editor/api/validate", new { path = "youth/main.yaml", content = "" })).StatusCode);
        using var noRole = await host.SignedInAsync(NoRoleUser.Name);
        Assert.Equal(HttpStatusCode.Forbidden, (await noRole.PostAsJsonAsync("/editor/api/validate", new { path = "youth/main.yaml", content = "" })).StatusCode);
    }
}

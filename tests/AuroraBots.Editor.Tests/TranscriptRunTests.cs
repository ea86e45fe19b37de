using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Running the draft's transcript tests from the editor: <c>GET /tests</c>, <c>POST /tests/run</c>.</summary>
public sealed class TranscriptRunTests
{
    private static async Task<JsonElement> RunAsync(HttpClient editor, object request)
    {
        var response = await editor.PostAsJsonAsync("/editor/api/tests/run", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    [Fact]
    public async Task ABotsTestsRunOnTheDraftInEveryLanguageAndPass()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync(withNetwork: true);
        using var editor = await host.SignedInAsync("ella");

        var listed = await editor.GetFromJsonAsync<JsonElement>("/editor/api/tests?bot=youth");
        var files = listed.EnumerateArray().Select(t => t.GetProperty("file").GetString()!).ToList();
        Assert.Contains("youth/tests/checkin.yaml", files);
        Assert.All(files, f => Assert.StartsWith("youth/tests/", f));
        var expectedRuns = listed.EnumerateArray().Sum(t => t.GetProperty("languages").GetArrayLength());

        var report = await RunAsync(editor, new { bot = "youth" });
        var failures = report.GetProperty("results").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).Select(r => r.GetProperty("failure").GetString());
        Assert.True(report.GetProperty("failed").GetInt32() == 0, string.Join("\n", failures));
        Assert.Equal(expectedRuns, report.GetProperty("passed").GetInt32());
        Assert.Equal(expectedRuns, report.GetProperty("results").GetArrayLength());
        Assert.Contains(report.GetProperty("results").EnumerateArray(), r => r.GetProperty("file").GetString() == "youth/tests/later.yaml" && r.GetProperty("language").GetString() == "sv");
    }

    [Fact]
    public async Task ADraftEditThatBreaksATestShowsTheTurnWithExpectedAndActual()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        Assert.Equal(1, (await RunAsync(editor, new { file = "youth/tests/later.yaml", language = "fi" })).GetProperty("passed").GetInt32());

        // Only the Finnish button label changes: the Finnish run fails at that turn, the Swedish one still passes.
        await editor.EditFileAsync("youth/main.yaml", c => c.Replace("- { fi: \"Kuulumiset\",", "- { fi: \"Aloita kysely\",", StringComparison.Ordinal));
        var report = await RunAsync(editor, new { file = "youth/tests/later.yaml" });
        var results = report.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("language").GetString()!);
        Assert.Equal(1, report.GetProperty("failed").GetInt32());
        Assert.True(results["sv"].GetProperty("passed").GetBoolean());
        var fi = results["fi"];
        Assert.False(fi.GetProperty("passed").GetBoolean());
        Assert.Equal(1, fi.GetProperty("turn").GetInt32());
        Assert.Contains(fi.GetProperty("expected").EnumerateArray(), l => l.GetString() == "suggested: [Kuulumiset]");
        Assert.Contains(fi.GetProperty("actual").EnumerateArray(), l => l.GetString()!.Contains("suggested: Aloita kysely, Nuorten palvelut"));
        Assert.Contains("no suggested action \"Kuulumiset\"", fi.GetProperty("failure").GetString());

        // Only the draft changed; the served content still has the old label.
        Assert.Contains("{ fi: \"Kuulumiset\",", await File.ReadAllTextAsync(Path.Combine(host.LivePath, "youth", "main.yaml")));
    }

    [Fact]
    public async Task AnInvalidDraftIs422AndUnknownOrBadFilesAreRefused()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsJsonAsync("/editor/api/tests/run", new { file = "youth/tests/nothing.yaml" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/editor/api/tests/run", new { file = "../youth/tests/later.yaml" })).StatusCode);

        await editor.EditFileAsync("youth/main.yaml", c => c.Replace("no: later", "no: nowhere", StringComparison.Ordinal));
        var response = await editor.PostAsJsonAsync("/editor/api/tests/run", new { bot = "youth" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("errors", body.GetProperty("message").GetString());
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString() == "youth/main.yaml");
    }

    [Fact]
    public async Task AnUnreadableTestFileIsReportedWithItsLine()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync();
        using var editor = await host.SignedInAsync("ella");
        var created = await editor.CreateFileAsync("youth/tests/broken.yaml", "name: broken\nturns:\n  - user: \"hei\n");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await RunAsync(editor, new { file = "youth/tests/broken.yaml" });
        var result = Assert.Single(report.GetProperty("results").EnumerateArray());
        Assert.False(result.GetProperty("passed").GetBoolean());
        Assert.Matches("^line [0-9]+", result.GetProperty("failure").GetString());
        Assert.Contains(await editor.GetFromJsonAsync<JsonElement>("/editor/api/tests?bot=youth") is var list ? list.EnumerateArray() : default,
            t => t.GetProperty("file").GetString() == "youth/tests/broken.yaml");
    }

    [Fact]
    public async Task TestEndpointsNeedSignInAndTheEditorRole()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync(NoRoleUser.Add);
        using var anonymous = host.Client();
        using var noRole = await host.SignedInAsync(NoRoleUser.Name);
        foreach (var (client, status) in new[] { (anonymous, HttpStatusCode.Unauthorized), (noRole, HttpStatusCode.Forbidden) })
        {
            Assert.Equal(status, (await client.GetAsync("/editor/api/tests?bot=youth")).StatusCode);
            Assert.Equal(status, (await client.PostAsJsonAsync("/editor/api/tests/run", new { bot = "youth" })).StatusCode);
            Assert.Equal(status, (await client.PostAsJsonAsync("/editor/api/tests", new { conversationId = "x", name = "y" })).StatusCode);
        }
    }
}

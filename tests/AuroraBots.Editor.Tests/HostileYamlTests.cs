using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// Issue 15, items 1–2 against the real editor: one editor-role user with a deep or aliased file could stop the
/// host (stack overflow in coverage / translation history) or burn seconds of CPU and gigabytes per request.
/// </summary>
public sealed class HostileYamlTests
{
    [Fact]
    public async Task A_deep_or_aliased_save_is_refused_with_422_and_the_draft_is_unchanged()
    {
        await using var host = await EditorHost.StartAsync();
        using var ella = await host.SignedInAsync("ella");
        var (content, etag) = await ella.ReadFileAsync("sample/main.yaml");

        foreach (var hostile in new[] { HostileYaml.Deep(50_000), HostileYaml.AliasBomb(8) })
        {
            var response = await ella.SaveFileAsync("sample/main.yaml", hostile, etag);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("refused", problem.GetProperty("detail").GetString());
        }
        Assert.Equal((content, etag), await ella.ReadFileAsync("sample/main.yaml"));
        Assert.Equal(HttpStatusCode.OK, (await ella.GetAsync("/editor/api/coverage")).StatusCode);
    }

    [Fact]
    public async Task Coverage_and_validation_survive_hostile_files_already_in_the_draft()
    {
        await using var host = await EditorHost.StartAsync();
        using var ella = await host.SignedInAsync("ella");
        await ella.ReadFileAsync("sample/main.yaml"); // the draft exists from here on
        // Written behind the API's back (an older version, a restored backup): the readers must still hold.
        var draft = Path.Combine(host.DataPath, "draft", "sample");
        File.WriteAllText(Path.Combine(draft, "deep.yaml"), HostileYaml.Deep(50_000));
        File.WriteAllText(Path.Combine(draft, "bomb.yaml"), HostileYaml.AliasBomb(9));

        var watch = Stopwatch.StartNew();
        var coverage = await ella.GetAsync("/editor/api/coverage");
        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
        var validation = await ella.GetFromJsonAsync<JsonElement>("/editor/api/validation");
        Assert.False(validation.GetProperty("isValid").GetBoolean());
        var messages = validation.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("file").GetString() + " " + e.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("sample/deep.yaml") && m.Contains("nested deeper"));
        Assert.Contains(messages, m => m.StartsWith("sample/bomb.yaml") && m.Contains("aliases count as what they repeat"));

        // The 7.4 KB flow that ran for 29 s through /validate.
        var live = await ella.PostAsJsonAsync("/editor/api/validate", new { path = "sample/other.yaml", content = HostileYaml.AliasBomb(12) });
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}

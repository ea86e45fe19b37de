using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Tests;

public sealed class FilesTests
{
    [Fact]
    public async Task Files_lists_the_bots_of_the_live_folder()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("ella");
        var files = await client.GetFromJsonAsync<JsonElement>("/editor/api/files");
        var paths = files.EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("sample/main.yaml", paths);
        Assert.Contains("_shared/texts.yaml", paths);
        Assert.Equal(Directory.EnumerateFiles(host.LivePath, "*.yaml", SearchOption.AllDirectories).Count(), paths.Count);
        Assert.Contains(files.EnumerateArray(), f => f.GetProperty("bot").GetString() == "youth");
    }

    [Fact]
    public async Task A_stale_etag_gets_409_and_the_other_editors_change_survives()
    {
        await using var host = await EditorHost.StartAsync();
        using var first = await host.SignedInAsync("ella");
        using var second = await host.SignedInAsync("pekka");
        var (content, etag) = await first.ReadFileAsync("sample/main.yaml");
        var (_, sameEtag) = await second.ReadFileAsync("sample/main.yaml");
        Assert.Equal(etag, sameEtag);

        var firstSave = await first.SaveFileAsync("sample/main.yaml", content + "\n# first editor\n", etag);
        Assert.Equal(HttpStatusCode.OK, firstSave.StatusCode);
        Assert.NotEqual(etag, firstSave.Headers.ETag!.Tag);

        var secondSave = await second.SaveFileAsync("sample/main.yaml", content + "\n# second editor\n", etag);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var (now, nowEtag) = await second.ReadFileAsync("sample/main.yaml");
        Assert.Contains("# first editor", now, StringComparison.Ordinal);
        Assert.DoesNotContain("# second editor", now, StringComparison.Ordinal);
        Assert.Equal(firstSave.Headers.ETag!.Tag, nowEtag);
    }

    [Fact]
    public async Task A_save_without_if_match_gets_428_and_changes_nothing()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("ella");
        var (content, _) = await client.ReadFileAsync("sample/main.yaml");
        var response = await client.SaveFileAsync("sample/main.yaml", "steps: []\n", ifMatch: null);
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(content, (await client.ReadFileAsync("sample/main.yaml")).Content);
    }

    [Theory]
    [InlineData("sample/notes.txt")]
    [InlineData("sample/%2e%2e/%2e%2e/escape.yaml")]
    [InlineData("sample%2F..%2F..%2Fescape.yaml")]
    [InlineData("sample/.hidden.yaml")]
    public async Task Paths_outside_the_draft_or_not_yaml_are_refused(string path)
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("ella");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/editor/api/files/{path}") { Content = JsonContent.Create(new { content = "x: 1\n" }) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var response = await client.SendAsync(request);
        Assert.False(response.IsSuccessStatusCode, $"{path} was accepted: {response.StatusCode}");
        Assert.Empty(Directory.EnumerateFiles(host.Root, "escape.yaml", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(host.Root, "notes.txt", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(host.Root, "*escape*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../x.yaml")]
    [InlineData("a/../../x.yaml")]
    [InlineData("/etc/x.yaml")]
    [InlineData("C:/x.yaml")]
    [InlineData("a\\..\\x.yaml")]
    [InlineData("a/x.yml")]
    [InlineData("")]
    public void Normalize_refuses_unsafe_paths(string path) => Assert.Null(EditorPaths.Normalize(path, out _));

    [Fact]
    public async Task A_broken_reference_is_reported_with_file_and_path_but_saved()
    {
        await using var host = await EditorHost.StartAsync();
        using var client = await host.SignedInAsync("ella");
        var saved = await client.EditFileAsync("sample/checkin.yaml", c => c.Replace("next: done", "next: nowhere_step", StringComparison.Ordinal));
        var validation = saved.GetProperty("validation");
        Assert.False(validation.GetProperty("isValid").GetBoolean());
        var error = Assert.Single(validation.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("nowhere_step", StringComparison.Ordinal));
        Assert.Equal("sample/checkin.yaml", error.GetProperty("file").GetString());
        Assert.Contains("next", error.GetProperty("path").GetString(), StringComparison.Ordinal);

        // Saved anyway (drafts may be invalid), and GET /validation agrees.
        Assert.Contains("nowhere_step", (await client.ReadFileAsync("sample/checkin.yaml")).Content, StringComparison.Ordinal);
        var again = await client.GetFromJsonAsync<JsonElement>("/editor/api/validation");
        Assert.False(again.GetProperty("isValid").GetBoolean());
        // The live folder is untouched.
        Assert.DoesNotContain("nowhere_step", await File.ReadAllTextAsync(Path.Combine(host.LivePath, "sample", "checkin.yaml")), StringComparison.Ordinal);
    }
}

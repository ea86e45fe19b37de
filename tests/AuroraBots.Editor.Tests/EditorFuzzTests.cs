using System.Diagnostics;
using System.Net.Http.Json;
using CsCheck;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// Fuzz and abuse suite (issue 15), editor part: generated YAML through the editor API (live validation, save,
/// coverage) on the real host. No answer is a 5xx, each is bounded in time, and the host keeps serving.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class EditorFuzzTests
{
    [Fact]
    public async Task Generated_yaml_through_validate_save_and_coverage_never_gets_a_5xx()
    {
        await using var host = await EditorHost.StartAsync();
        using var ella = await host.SignedInAsync("ella");
        var cases = 0;
        await Gen.Select(FuzzInputs.Yaml, Gen.OneOf("sample/main.yaml", "sample/fuzz.yaml", "sample/tests/fuzz.yaml", "sample/texts.yaml"))
            .SampleAsync(async (yaml, path) =>
            {
                cases++;
                var watch = Stopwatch.StartNew();
                using var validated = await ella.PostAsJsonAsync("/editor/api/validate", new { path, content = yaml });
                Assert.True((int)validated.StatusCode < 500, $"validate: {validated.StatusCode}");
                var request = new HttpRequestMessage(HttpMethod.Put, $"/editor/api/files/{path}") { Content = JsonContent.Create(new { content = yaml }) };
                request.Headers.TryAddWithoutValidation("If-None-Match", "*");
                using var saved = await ella.SendAsync(request);
                Assert.True((int)saved.StatusCode < 500, $"save: {saved.StatusCode}");
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
            }, iter: 40, threads: 1);
        using var coverage = await ella.GetAsync("/editor/api/coverage");
        Assert.True((int)coverage.StatusCode < 500);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ella.GetAsync("/editor/api/me")).StatusCode);
        FuzzReport.Record("editor-api", cases);
    }
}

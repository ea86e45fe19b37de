using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Publishing runs every transcript test on the draft (with the AuroraAI network, as in production) and refuses on failures.</summary>
public sealed class ReleaseGateTests
{
    private const string Question = "Vastaisitko kymmeneen lyhyeen kysymykseen elämästäsi?";
    private const string Reworded = "Vastaisitko muutamaan kysymykseen elämästäsi?";

    [Fact]
    public async Task A_change_that_breaks_a_transcript_test_is_not_published_until_content_and_test_agree()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync(s => s["Editor:TestsBeforePublish"] = "true", withNetwork: true);
        using var publisher = await host.SignedInAsync("pekka");
        var versionsBefore = (await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions")).GetArrayLength();
        var liveBefore = await File.ReadAllTextAsync(Path.Combine(host.LivePath, "youth", "main.yaml"));

        await publisher.EditFileAsync("youth/main.yaml", c => c.Replace(Question, Reworded, StringComparison.Ordinal));
        var refused = await publisher.PublishAsync("reworded the check-in question");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("transcript test", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var failures = body.GetProperty("testFailures").EnumerateArray().ToList();
        Assert.Contains(failures, f => f.GetProperty("file").GetString() == "youth/tests/checkin.yaml" && f.GetProperty("language").GetString() == "fi");
        Assert.All(failures, f => Assert.False(f.GetProperty("passed").GetBoolean()));
        Assert.DoesNotContain(failures, f => f.GetProperty("language").GetString() == "sv"); // only the Finnish text changed
        Assert.Equal(versionsBefore, (await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions")).GetArrayLength());
        Assert.Equal(liveBefore, await File.ReadAllTextAsync(Path.Combine(host.LivePath, "youth", "main.yaml")));
        var audit = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "publish" && !e.GetProperty("success").GetBoolean()
            && e.GetProperty("detail").GetString()!.Contains("transcript tests failed", StringComparison.Ordinal));

        // The test follows the new wording: now content and tests agree, and the publish goes through.
        await publisher.EditFileAsync("youth/tests/checkin.yaml", c => c.Replace("kymmeneen lyhyeen kysymykseen", "muutamaan kysymykseen", StringComparison.Ordinal));
        var published = await publisher.PublishAsync("reworded the check-in question and its test");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Contains(Reworded, await File.ReadAllTextAsync(Path.Combine(host.LivePath, "youth", "main.yaml")), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>The four-eyes workflow: an editor submits the draft, someone else with the publisher role approves or rejects.</summary>
public sealed class ReviewsTests
{
    private const string Greeting = "Voin kysyä kuulumisiasi.";
    private const string Edited = "Voin kysyä, mitä kuuluu.";

    private static Task<EditorHost> StartAsync(bool requireReview = true) =>
        EditorHost.StartAsync(settings: s => s["Editor:RequireReview"] = requireReview ? "true" : "false");

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string comment)
    {
        var response = await client.PostAsJsonAsync("/editor/api/reviews", new { comment });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string LiveGreeting(EditorHost host) => File.ReadAllText(Path.Combine(host.LivePath, "sample", "main.yaml"));

    [Fact]
    public async Task With_review_required_only_an_approval_by_someone_else_publishes_exactly_the_submitted_draft()
    {
        await using var host = await StartAsync();
        using var ella = await host.SignedInAsync("ella");
        using var pekka = await host.SignedInAsync("pekka");
        Assert.True((await ella.GetFromJsonAsync<JsonElement>("/editor/api/status")).GetProperty("requireReview").GetBoolean());

        var direct = await pekka.PublishAsync("straight to live");
        Assert.Equal(HttpStatusCode.Conflict, direct.StatusCode);
        Assert.Contains("approved review", (await direct.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);

        await ella.EditFileAsync("sample/main.yaml", c => c.Replace(Greeting, Edited, StringComparison.Ordinal));
        var review = await SubmitAsync(ella, "Friendlier greeting");
        var id = review.GetProperty("id").GetString()!;
        Assert.Equal("pending", review.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await ella.PostAsJsonAsync($"/editor/api/reviews/{id}/approve", new { })).StatusCode);
        Assert.Contains(Greeting, LiveGreeting(host), StringComparison.Ordinal);

        var approved = await pekka.PostAsJsonAsync($"/editor/api/reviews/{id}/approve", new { comment = "looks good" });
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var version = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version");
        Assert.Contains("review " + id + " by ella, approved by pekka", version.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Contains(Edited, LiveGreeting(host), StringComparison.Ordinal);
        Assert.True(await host.WaitForEngineAsync(r => r.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say!.ByLanguage["fi"].Contains(Edited, StringComparison.Ordinal)));

        var listed = (await ella.GetFromJsonAsync<JsonElement>("/editor/api/reviews")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("approved", listed.GetProperty("state").GetString());
        Assert.Equal("pekka", listed.GetProperty("decidedBy").GetString());
        Assert.Equal(version.GetProperty("number").GetInt32(), listed.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await pekka.PostAsJsonAsync($"/editor/api/reviews/{id}/approve", new { })).StatusCode);

        var audit = (await pekka.GetFromJsonAsync<JsonElement>("/editor/api/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("review-submit", audit);
        Assert.Contains("review-approve", audit);
    }

    [Fact]
    public async Task Authors_cannot_approve_their_own_review_and_a_draft_changed_after_submission_is_not_published()
    {
        await using var host = await StartAsync();
        using var pekka = await host.SignedInAsync("pekka");
        using var aino = await host.SignedInAsync("aino");
        await pekka.EditFileAsync("sample/main.yaml", c => c.Replace(Greeting, Edited, StringComparison.Ordinal));
        var first = (await SubmitAsync(pekka, "first")).GetProperty("id").GetString();

        var own = await pekka.PostAsJsonAsync($"/editor/api/reviews/{first}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("someone else", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);

        // Changed after submission: approving the old review must not publish the unreviewed change.
        await pekka.EditFileAsync("sample/main.yaml", c => c.Replace(Edited, "Kerro, mitä kuuluu.", StringComparison.Ordinal));
        var stale = await aino.PostAsJsonAsync($"/editor/api/reviews/{first}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(Greeting, LiveGreeting(host), StringComparison.Ordinal);

        var second = (await SubmitAsync(pekka, "second")).GetProperty("id").GetString();
        var reviews = (await aino.GetFromJsonAsync<JsonElement>("/editor/api/reviews")).EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal("superseded", reviews[first!]);
        Assert.Equal("pending", reviews[second!]);
        Assert.Equal(HttpStatusCode.Created, (await aino.PostAsJsonAsync($"/editor/api/reviews/{second}/approve", new { })).StatusCode);
        Assert.Contains("Kerro, mitä kuuluu.", LiveGreeting(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_closes_the_review()
    {
        await using var host = await StartAsync();
        using var ella = await host.SignedInAsync("ella");
        using var pekka = await host.SignedInAsync("pekka");
        await ella.EditFileAsync("sample/main.yaml", c => c.Replace(Greeting, Edited, StringComparison.Ordinal));
        var id = (await SubmitAsync(ella, "please check")).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, (await ella.PostAsJsonAsync("/editor/api/reviews", new { comment = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pekka.PostAsJsonAsync($"/editor/api/reviews/{id}/reject", new { comment = "" })).StatusCode);
        var rejected = await pekka.PostAsJsonAsync($"/editor/api/reviews/{id}/reject", new { comment = "Keep the old wording for now." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", body.GetProperty("state").GetString());
        Assert.Equal("Keep the old wording for now.", body.GetProperty("decisionComment").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await pekka.PostAsJsonAsync($"/editor/api/reviews/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pekka.PostAsJsonAsync("/editor/api/reviews/nope/approve", new { })).StatusCode);
        Assert.Contains(Greeting, LiveGreeting(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_requirement_publishers_publish_directly_and_rollback_always_works()
    {
        await using var host = await StartAsync(requireReview: false);
        using var pekka = await host.SignedInAsync("pekka");
        Assert.False((await pekka.GetFromJsonAsync<JsonElement>("/editor/api/status")).GetProperty("requireReview").GetBoolean());
        await pekka.EditFileAsync("sample/main.yaml", c => c.Replace(Greeting, Edited, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await pekka.PublishAsync("direct")).StatusCode);

        await using var strict = await StartAsync();
        using var publisher = await strict.SignedInAsync("pekka");
        Assert.Equal(HttpStatusCode.Created, (await publisher.PostAsJsonAsync("/editor/api/versions/1/rollback", new { comment = "emergency" })).StatusCode);
    }
}

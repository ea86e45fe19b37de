using System.Net;
using System.Net.Http.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Publishing reloads the engine itself: the bots answer with the new content as soon as the publish answers.</summary>
public sealed class PublishReloadTests
{
    [Fact]
    public async Task The_engine_serves_a_publish_and_a_rollback_when_they_answer_even_without_the_file_watcher()
    {
        await using var host = await EditorHost.StartAsync(settings: s => s["Dialogs:HotReload"] = "false");
        using var publisher = await host.SignedInAsync("pekka");
        string Greeting() => host.Dialogs.Current.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say!.ByLanguage["fi"];
        var original = Greeting();

        await publisher.EditFileAsync("sample/main.yaml", c => c.Replace("Voin kysyä kuulumisiasi.", "Kysyn heti, mitä kuuluu.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("no watcher needed")).StatusCode);
        Assert.Contains("Kysyn heti, mitä kuuluu.", Greeting(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await publisher.PostAsJsonAsync("/editor/api/versions/1/rollback", new { comment = "back" })).StatusCode);
        Assert.Equal(original, Greeting());
    }
}

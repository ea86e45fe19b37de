using AuroraBots.Dialogs.State;
using System.Text;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// A user waits at a prompt while an editor publishes a changed flow (steps inserted, removed, reordered): state
/// holds flow id + step id + content version, so the user continues at the same step if it still exists and
/// otherwise restarts the flow with an apology. Old state (a step index) still loads.
/// </summary>
public sealed class PublishMidConversationTests : IAsyncDisposable
{
    private const string Flow = "sample/checkin.yaml";
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly EngineHarness _engine;
    private readonly string _conversation = "publish-" + Guid.NewGuid().ToString("N");

    public PublishMidConversationTests() => _engine = new EngineHarness(_dialogs.Path);

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _dialogs.Dispose();
    }

    private async Task<List<string?>> Say(string text) => [.. (await _engine.SayAsync(_conversation, "sample", text)).Select(r => r.Text)];

    /// <summary>Starts the check-in and answers the age: the user now waits at the mood question (step "feeling").</summary>
    private async Task WaitAtFeelingAsync()
    {
        await _engine.JoinAsync(_conversation, "sample");
        await Say("ask how I am");
        Assert.Equal(["How are you today?"], await Say("15"));
        Assert.Equal("feeling", await TopStepAsync());
    }

    private async Task<string?> TopStepAsync() => (await _engine.StateAsync(_conversation)).Bots["sample"].Stack[^1].StepId;

    private void Publish(Func<string, string> change)
    {
        File.WriteAllText(_dialogs.File(Flow), change(File.ReadAllText(_dialogs.File(Flow))));
        Assert.Empty(_engine.Services.GetRequiredService<DialogContentProvider>().Reload());
    }

    private const string Inserted = """
        steps:
          - say: { fi: "Uusi alku.", sv: "Ny början.", en: "A new beginning." }
          - id: name
            ask: text
            text: { fi: "Nimesi?", sv: "Ditt namn?", en: "Your name?" }
            save: var.name

        """;

    [Fact]
    public async Task StepsInsertedBeforeTheWaitingPromptDoNotMoveTheUser()
    {
        await WaitAtFeelingAsync();
        Publish(yaml => yaml.Replace("steps:\n", Inserted));

        Assert.Equal(["Glad to hear!", "Thank you, my 15-year-old friend!"], await Say("Good"));
    }

    [Fact]
    public async Task ARemovedWaitingStepRestartsTheFlowWithAnApologyAndTheMessageIsNotTakenAsAnAnswer()
    {
        await WaitAtFeelingAsync();
        // The mood question is replaced by another one (a new id): the step the user waits at is gone.
        Publish(yaml => yaml.Replace("id: feeling", "id: mood").Replace("next: feeling", "next: mood"));

        var replies = await Say("Good");

        Assert.Equal(["Sorry, this conversation was updated in the meantime, so let's start this topic again.", "How are you today?"], replies);
        Assert.Equal("mood", await TopStepAsync()); // restarted at the top; the known age was not asked again
        Assert.Equal(["Glad to hear!", "Thank you, my 15-year-old friend!"], await Say("Good"));
    }

    [Fact]
    public async Task TheApologyIsInTheUsersLanguage()
    {
        await _engine.JoinAsync(_conversation, "sample", "sv-FI");
        await _engine.SayAsync(_conversation, "sample", "fråga hur jag mår", "sv-FI");
        await _engine.SayAsync(_conversation, "sample", "15", "sv-FI");
        Publish(yaml => yaml.Replace("id: feeling", "id: mood").Replace("next: feeling", "next: mood"));

        var replies = await _engine.SayAsync(_conversation, "sample", "Bra", "sv-FI");

        Assert.Equal("Förlåt, samtalet uppdaterades under tiden, så vi börjar det här ämnet från början.", replies[0].Text);
    }

    [Fact]
    public async Task ReorderedStepsKeepTheUserAtTheSameStep()
    {
        await WaitAtFeelingAsync();
        // The mood question moves to the end of the file; the steps around it are linked by id.
        Publish(yaml =>
        {
            var start = yaml.IndexOf("  - id: feeling", StringComparison.Ordinal);
            var end = yaml.IndexOf("  - say: { fi: \"Kiva kuulla!\"", StringComparison.Ordinal);
            var feeling = yaml[start..end].Replace("      - value: good\n", "      - value: good\n        next: glad\n");
            return yaml.Remove(start, end - start)
                .Replace("    save: attr.age\n", "    save: attr.age\n    next: feeling\n")
                .Replace("  - say: { fi: \"Kiva kuulla!\"", "  - id: glad\n    say: { fi: \"Kiva kuulla!\"")
                + feeling;
        });
        var reordered = _engine.Services.GetRequiredService<IDialogContent>().Current.Content.Bots["sample"].Flows["checkin"];
        Assert.Equal("feeling", reordered.Steps[^1].Id);

        Assert.Equal(["Glad to hear!", "Thank you, my 15-year-old friend!"], await Say("Good"));
    }

    [Fact]
    public async Task StateSavedWithAStepIndexIsMigrated()
    {
        // As saved before step ids: the check-in waits at index 1 (the mood question).
        const string legacy = """
            {"language":"en","greeted":true,"userSpoke":true,"botStack":["sample"],"bots":{"sample":{
              "stack":[{"flow":"checkin","step":1,"waiting":true,"retries":0}],
              "attributes":{"age":{"value":"15","source":"asked","at":"2026-01-01T00:00:00+00:00"}}}}}
            """;
        var options = _engine.Services.GetRequiredService<DialogsOptions>();
        await _engine.Services.GetRequiredService<IStateStorage>().TrySaveAsync(
            $"{options.StateKeyPrefix}state:{_conversation}", Encoding.UTF8.GetBytes(legacy), [], null, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(["Glad to hear!", "Thank you, my 15-year-old friend!"], await Say("Good"));
    }

    [Fact]
    public async Task AMigratedIndexBeyondTheFlowEndsItWithoutError()
    {
        const string legacy = """
            {"language":"en","greeted":true,"botStack":["sample"],"bots":{"sample":{"stack":[{"flow":"checkin","step":99,"waiting":true}]}}}
            """;
        var options = _engine.Services.GetRequiredService<DialogsOptions>();
        await _engine.Services.GetRequiredService<IStateStorage>().TrySaveAsync(
            $"{options.StateKeyPrefix}state:{_conversation}", Encoding.UTF8.GetBytes(legacy), [], null, TimeSpan.FromMinutes(5), CancellationToken.None);

        var replies = await Say("what can you do");
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r is not null && r.Contains("something went wrong", StringComparison.Ordinal));
    }
}

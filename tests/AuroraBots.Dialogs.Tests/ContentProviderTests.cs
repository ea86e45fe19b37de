using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Nlu;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Tests;

/// <summary>Loading, hot reload (keeping the last valid version) and the catalog.</summary>
public sealed class ContentProviderTests : IDisposable
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _dialogs.Dispose();

    private DialogContentProvider Provider(bool hotReload = false) => new(_dialogs.Path,
        new DialogContentLoader(new DialogContentValidator()), new NluEngineService(), hotReload,
        LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<DialogContentProvider>());

    [Fact]
    public void AnInvalidChangeKeepsTheLastValidVersionAndLogsTheErrors()
    {
        using var provider = Provider();
        var before = provider.Current;
        File.WriteAllText(_dialogs.File("engine/main.yaml"), "steps:\n  - goto: nowhere\n");

        var errors = provider.Reload();

        Assert.Contains(errors, e => e.ToString() == "engine/main.yaml: steps[0].goto: unknown step 'nowhere'");
        Assert.Same(before, provider.Current);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("engine/main.yaml: steps[0].goto: unknown step 'nowhere'"));
    }

    [Fact]
    public void AValidChangeIsServedAndANewBotNeedsOnlyFiles()
    {
        using var provider = Provider();
        TestContent.Copy(_dialogs.File("helper"), _dialogs.File("newbot"));
        File.WriteAllText(_dialogs.File("newbot/bot.yaml"), File.ReadAllText(_dialogs.File("newbot/bot.yaml")).Replace("id: helper", "id: newbot"));

        Assert.Empty(provider.Reload());
        Assert.Contains("newbot", provider.Current.Content.Bots.Keys);
    }

    [Fact]
    public async Task TheWatcherReloadsAfterAFileChange()
    {
        using var provider = Provider(hotReload: true);
        var reloaded = new TaskCompletionSource<DialogRuntime>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += runtime => reloaded.TrySetResult(runtime);
        File.WriteAllText(_dialogs.File("engine/main.yaml"), "steps:\n  - say: { fi: \"Uusi\", sv: \"Ny\", en: \"New\" }\n");

        var runtime = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("New", runtime.Content.Bots["engine"].Flows["main"].Document.Steps[0].Say!.ByLanguage["en"]);
    }

    [Fact]
    public async Task TheCatalogDescribesEveryBotFromItsManifest()
    {
        await using var engine = new EngineHarness(_dialogs.Path);
        var catalog = engine.Services.GetRequiredService<IBotCatalog>();
        var sample = catalog.Find("sample")!;
        Assert.Equal("Exempelbot", sample.NameIn("sv"));
        Assert.Equal("The AuroraBots project", sample.Organisation["en"]);
        Assert.Equal(["age", "municipality_code"], sample.Receives.Select(r => r.Attribute));
        Assert.Equal("Din ålder hjälper att välja tjänster.", sample.Receives[0].Purpose["sv"]);
        Assert.Equal("0b6f7a52-5d7e-4c1a-9d0e-3f2a1b4c5d61", sample.ServiceChannelId);
        Assert.Equal(["engine", "helper", "sample"], catalog.Bots.Select(b => b.Id).Order());
    }

    [Fact]
    public void ADraftFolderCanBeCheckedWithoutServingIt()
    {
        using var provider = Provider();
        using var draft = TestContent.CreateEngineDialogs();
        File.WriteAllText(draft.File("sample/main.yaml"), "steps:\n  - call: missing\n");
        var result = provider.LoadFrom(draft.Path);
        Assert.Contains(result.Errors, e => e.ToString() == "sample/main.yaml: steps[0].call: unknown flow 'missing'");
        Assert.True(provider.Current.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say is not null);
    }

    [Fact]
    public async Task AConversationWaitingInAFlowThatWasRemovedIsNotStuck()
    {
        var conversation = "reload-" + Guid.NewGuid().ToString("N");
        await using var engine = new EngineHarness(_dialogs.Path);
        await engine.JoinAsync(conversation, "engine");
        Assert.Equal("Number?", (await engine.SayAsync(conversation, "engine", "branch test")).Single().Text);

        // The editor removes the flow while the user is answering it.
        File.Delete(_dialogs.File("engine/branchy.yaml"));
        File.WriteAllText(_dialogs.File("engine/bot.yaml"), File.ReadAllText(_dialogs.File("engine/bot.yaml"))
            .Replace(", branchy]", "]").Replace("  branchy:   { flow: branchy,   label: { fi: Haarat, sv: Grenar, en: Branches } }\n", ""));
        File.WriteAllText(_dialogs.File("engine/intents.yaml"), File.ReadAllText(_dialogs.File("engine/intents.yaml"))
            .Replace("  branchy:   { fi: [\"haaraudu\"], sv: [\"förgrena\"], en: [\"branch test\"] }\n", ""));
        Assert.Empty(engine.Services.GetRequiredService<DialogContentProvider>().Reload());

        var replies = await engine.SayAsync(conversation, "engine", "help");
        Assert.Contains("I can help with", replies.Single().Text);
        Assert.Empty((await engine.StateAsync(conversation)).Bots["engine"].Stack);
    }
}

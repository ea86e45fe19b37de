using System.Text.Json;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Tests;

/// <summary>The safety layer in the engine: contacts first in any state, in the writer's language, nothing logged or kept.</summary>
public sealed class SafetyLayerTests : IAsyncLifetime
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly AllLogs _logs = new();
    private EngineHarness _engine = null!;
    private readonly string _conversation = "c-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync()
    {
        _engine = new EngineHarness(_dialogs.Path,
            configure: s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _dialogs.Dispose();
    }

    [Fact]
    public async Task AnswersInTheLanguageWrittenWithCallButtonsAndMarksTheReply()
    {
        await _engine.JoinAsync(_conversation, "sample", "en");
        var replies = await _engine.SayAsync(_conversation, "sample", "jag vill ta livet av mig");

        var reply = Assert.Single(replies);
        Assert.Equal("sv", reply.Locale);
        Assert.Equal("self_harm", AuroraChannelData.From(reply)?.Safety);
        Assert.Contains("[09 2525 0112](tel:0925250112)", reply.Text);
        Assert.DoesNotContain("09 2525 0113", reply.Text); // the English line is listed for English only
        var card = JsonSerializer.Serialize(reply.Attachments);
        Assert.Contains("\"type\":\"call\"", card);
        Assert.Contains("tel:112", card);
        Assert.Contains("https://sekasin.fi", card);
    }

    [Fact]
    public async Task AWaitingPromptIsNotAnsweredAndContinuesAfterwards()
    {
        await _engine.JoinAsync(_conversation, "sample", "fi");
        await _engine.SayAsync(_conversation, "sample", "kysy kuulumisia", "fi");
        var crisis = await _engine.SayAsync(_conversation, "sample", "16 ja mä haluun kuolla", "fi");
        Assert.Equal("self_harm", AuroraChannelData.From(Assert.Single(crisis))?.Safety);

        var state = await _engine.StateAsync(_conversation);
        Assert.False(state.For("sample").Attributes.ContainsKey("age"));
        Assert.True(state.For("sample").Stack[^1].Waiting);

        var next = await _engine.SayAsync(_conversation, "sample", "17", "fi");
        Assert.All(next, r => Assert.Null(AuroraChannelData.From(r)?.Safety));
        Assert.Equal("17", (await _engine.StateAsync(_conversation)).For("sample").Attributes["age"].Value);
    }

    [Fact]
    public async Task OrdinaryFiguresOfSpeechGoToTheFlows()
    {
        await _engine.JoinAsync(_conversation, "sample", "en");
        var replies = await _engine.SayAsync(_conversation, "sample", "this traffic is killing me");
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Null(AuroraChannelData.From(r)?.Safety));
    }

    [Fact]
    public async Task NothingOfACrisisMessageIsLoggedOrKept()
    {
        string[] messages = ["haluan tappaa itseni nyt heti", "my stepdad hits me every night", "jag blev våldtagen igår", "the house is on fire help"];
        await _engine.JoinAsync(_conversation, "sample", "en");
        foreach (var message in messages)
            Assert.NotNull(AuroraChannelData.From(Assert.Single(await _engine.SayAsync(_conversation, "sample", message)))?.Safety);

        var state = JsonSerializer.Serialize(await _engine.StateAsync(_conversation));
        var logged = string.Join("\n", _logs.Entries);
        Assert.NotEmpty(_logs.Entries); // the capture works: the engine logs its start-up
        foreach (var word in messages.SelectMany(m => m.Split(' ')).Where(w => w.Length >= 5))
        {
            Assert.DoesNotContain(word, logged, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(word, state, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Every log entry at every level, formatted, with its scope-free state and exception text.</summary>
    private sealed class AllLogs : ILoggerProvider
    {
        public List<string> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(AllLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lock (owner.Entries) owner.Entries.Add($"scope {category}: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Entries) owner.Entries.Add($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
            }
        }
    }
}

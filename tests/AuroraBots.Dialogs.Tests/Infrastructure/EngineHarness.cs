using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Tests.Infrastructure;

/// <summary>The dialog engine from DI (as a host wires it) with a way to talk to it turn by turn.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public EngineHarness(string dialogsPath, string? redis = null, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = dialogsPath,
            ["Dialogs:HotReload"] = "false",
            ["Dialogs:StateKeyPrefix"] = $"test-{Guid.NewGuid():N}:",
            ["ConnectionStrings:Redis"] = redis,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(Logs));
        services.AddAuroraDialogs(configuration);
        // The test bot "engine" uses a municipality's own plugin, found in DI by its [AuroraPlugin] marker.
        services.AddSingleton<MunicipalPlugin>();
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public CapturedLogs Logs { get; } = new();
    public IServiceProvider Services => _provider;
    public IBot Bot => _provider.GetRequiredService<IBot>();
    public ConversationStateStore Store => _provider.GetRequiredService<ConversationStateStore>();

    public Task<List<Activity>> JoinAsync(string conversation, string bot, string locale = "en") =>
        SendAsync(conversation, bot, new Activity { Type = ActivityTypes.Event, Name = "webchat/join", Value = new JsonObject { ["locale"] = locale } });

    public Task<List<Activity>> SayAsync(string conversation, string bot, string text, string locale = "en") =>
        SendAsync(conversation, bot, new Activity { Type = ActivityTypes.Message, Text = text, Locale = locale });

    public Task<List<Activity>> PostBackAsync(string conversation, string bot, JsonNode value) =>
        SendAsync(conversation, bot, new Activity { Type = ActivityTypes.Message, Value = value, ChannelData = new JsonObject { ["postBack"] = true } });

    public async Task<List<Activity>> SendAsync(string conversation, string bot, Activity activity)
    {
        activity.Conversation = new ConversationAccount { Id = conversation };
        activity.From ??= new ChannelAccount("user-1", "User", RoleTypes.User);
        activity.Recipient ??= new ChannelAccount(bot, bot, RoleTypes.Bot);
        activity.Id ??= Guid.NewGuid().ToString("N");
        var context = new RecordingTurnContext(activity);
        await Bot.OnTurnAsync(context);
        return context.Replies;
    }

    public async Task<ConversationState> StateAsync(string conversation) =>
        await Store.LoadAsync(conversation, CancellationToken.None) ?? throw new InvalidOperationException("no state saved");

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

public sealed class RecordingTurnContext(Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;
    public List<Activity> Replies { get; } = [];

    public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        lock (Replies) Replies.Add(reply);
        return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
    }
}

/// <summary>Keeps log entries so tests can check that failures were logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Entries) owner.Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}

public static class ActivityExtensions
{
    public static string Texts(this IEnumerable<Activity> replies) => string.Join("\n---\n", replies.Select(r => r.Text ?? ""));

    public static IReadOnlyList<string> Suggestions(this Activity reply) =>
        reply.SuggestedActions?.Actions.Select(a => a.Title ?? "").ToList() ?? [];
}

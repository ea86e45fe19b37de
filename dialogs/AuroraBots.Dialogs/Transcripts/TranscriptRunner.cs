using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AuroraBots.Dialogs.Transcripts;

/// <summary>
/// Runs transcript tests in-process against the real engine (<see cref="IBot"/>): each (file, language) is a
/// fresh conversation; replies are captured and compared with the expectations; state is read from the store.
/// </summary>
public sealed class TranscriptRunner(IBot bot, IDialogContent content, ConversationStateStore store)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new LocalizedTextConverter())
        .Build();

    /// <summary>Every (file, language) of every bot (or of one bot). Unreadable files come back as failed cases via <paramref name="errors"/>.</summary>
    public static IReadOnlyList<TranscriptCase> Discover(DialogContent dialogs, List<TranscriptResult>? errors = null, string? onlyBot = null)
    {
        var cases = new List<TranscriptCase>();
        foreach (var botContent in dialogs.Bots.Values.Where(b => onlyBot is null || b.Id == onlyBot))
        {
            foreach (var file in botContent.TranscriptFiles)
            {
                var relative = DialogContentLoader.Relative(dialogs.RootPath, file);
                TranscriptTest? test;
                try { test = Parse(SafeYaml.ReadFile(file)); }
                catch (YamlException ex)
                {
                    errors?.Add(new TranscriptResult(relative, "-", "(unreadable)", false, $"line {ex.Start.Line}: {SafeYaml.Describe(ex)}"));
                    continue;
                }
                if (test is null) continue;
                var target = test.Bot ?? botContent.Id;
                foreach (var language in test.Languages ?? [.. botContent.Languages])
                    cases.Add(new TranscriptCase(file, relative, target, language, test));
            }
        }
        return cases;
    }

    public static TranscriptTest? Parse(string yaml, YamlLimits? limits = null, CancellationToken cancellationToken = default) =>
        SafeYaml.Deserialize<TranscriptTest>(Yaml, yaml, limits, cancellationToken);

    public async Task<IReadOnlyList<TranscriptResult>> RunAllAsync(string? onlyBot = null, CancellationToken cancellationToken = default)
    {
        var results = new List<TranscriptResult>();
        foreach (var testCase in Discover(content.Current.Content, results, onlyBot))
            results.Add(await RunAsync(testCase, cancellationToken));
        return results;
    }

    public async Task<TranscriptResult> RunAsync(TranscriptCase testCase, CancellationToken cancellationToken = default)
    {
        var test = testCase.Test;
        var name = test.Name ?? Path.GetFileNameWithoutExtension(testCase.File);
        var language = testCase.Language;
        var conversationId = $"transcript-{Guid.NewGuid():N}";
        if (!content.Current.Content.Bots.ContainsKey(testCase.Bot))
            return new(testCase.RelativeFile, language, name, false, $"unknown bot '{testCase.Bot}'");

        if (test.Setup?.Attributes is { Count: > 0 } preset)
        {
            var state = new ConversationState { BotStack = [testCase.Bot] };
            foreach (var (attribute, value) in preset)
            {
                if (AttributeSchema.CheckValue(attribute, value) is { } problem)
                    return new(testCase.RelativeFile, language, name, false, $"setup.attributes.{attribute}: {problem}");
                state.For(testCase.Bot).Attributes[attribute] = new AttributeValue { Value = value, Source = AttributeSources.Test, At = DateTimeOffset.UtcNow };
            }
            await store.SaveAsync(conversationId, state, cancellationToken);
        }

        for (var i = 0; i < test.Turns.Count; i++)
        {
            var turn = test.Turns[i];
            var incoming = Incoming(turn, language, conversationId, testCase.Bot, i);
            if (incoming is null)
                return new(testCase.RelativeFile, language, name, false, $"turns[{i}]: a turn needs one of join, user, postback, event") { Turn = i };
            var context = new CapturingTurnContext(incoming);
            await bot.OnTurnAsync(context, cancellationToken);
            var state = await store.LoadAsync(conversationId, cancellationToken);
            var problem = TranscriptExpectations.Check(turn, context.Replies, state, language);
            if (problem is not null)
            {
                var described = new StringBuilder($"turns[{i}] ({TranscriptExpectations.Describe(incoming)}): {problem}\n  bot replies:");
                foreach (var reply in context.Replies) described.Append("\n    - ").Append(TranscriptExpectations.DescribeReply(reply));
                if (context.Replies.Count == 0) described.Append(" (none)");
                return new(testCase.RelativeFile, language, name, false, described.ToString())
                {
                    Turn = i,
                    Expected = TranscriptExpectations.DescribeExpectations(turn, language),
                    Actual = [.. context.Replies.Select(TranscriptExpectations.DescribeReply), TranscriptExpectations.DescribeState(state)],
                };
            }
        }
        return new(testCase.RelativeFile, language, name, true, null);
    }

    private static Activity? Incoming(TranscriptTurn turn, string language, string conversationId, string botId, int index)
    {
        var activity = new Activity
        {
            Id = $"u{index}",
            ChannelId = "test",
            Locale = language,
            Timestamp = DateTimeOffset.UtcNow,
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount("transcript-user", "User", RoleTypes.User),
            Recipient = new ChannelAccount(botId, botId, RoleTypes.Bot),
        };
        if (turn.Join == true)
        {
            activity.Type = ActivityTypes.Event;
            activity.Name = Turn.JoinEvent;
            activity.Value = new JsonObject { ["locale"] = language };
        }
        else if (turn.User is not null)
        {
            activity.Type = ActivityTypes.Message;
            activity.Text = TranscriptExpectations.Pick(turn.User, language);
        }
        else if (turn.Postback is not null)
        {
            activity.Type = ActivityTypes.Message;
            activity.ChannelData = new JsonObject { ["postBack"] = true };
            if (turn.Postback is string text) activity.Text = text;
            else activity.Value = JsonSerializer.SerializeToNode(Plain(turn.Postback));
        }
        else if (turn.Event?.Name is { } name)
        {
            activity.Type = ActivityTypes.Event;
            activity.Name = name;
            activity.Value = turn.Event.Value is null ? null : JsonSerializer.SerializeToNode(Plain(turn.Event.Value));
        }
        else return null;
        return activity;
    }

    /// <summary>YAML scalars arrive as strings; numbers and booleans become JSON numbers/booleans.</summary>
    private static object? Plain(object? value) => value switch
    {
        IDictionary<object, object> map => map.ToDictionary(kv => kv.Key.ToString()!, kv => Plain(kv.Value)),
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)),
        IList list => list.Cast<object?>().Select(Plain).ToList(),
        string s when long.TryParse(s, CultureInfo.InvariantCulture, out var number) => number,
        string s when bool.TryParse(s, out var flag) => flag,
        _ => value,
    };
}

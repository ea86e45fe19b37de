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

/// <summary>One run of one transcript file in one language.</summary>
public sealed record TranscriptResult(string File, string Language, string Name, bool Passed, string? Failure)
{
    /// <summary>The index of the failing turn (null when the test passed or failed before any turn ran).</summary>
    public int? Turn { get; init; }

    /// <summary>What the failing turn expected, one line per expectation (for side-by-side diffs in tools).</summary>
    public IReadOnlyList<string>? Expected { get; init; }

    /// <summary>What the bot actually did in the failing turn: one line per reply, then the conversation state.</summary>
    public IReadOnlyList<string>? Actual { get; init; }

    public override string ToString() => Passed ? $"PASS {File} [{Language}] {Name}" : $"FAIL {File} [{Language}] {Name}{Environment.NewLine}{Failure}";
}

/// <summary>A (file, language) pair to run, for test enumeration.</summary>
public sealed record TranscriptCase(string File, string RelativeFile, string Bot, string Language, TranscriptTest Test)
{
    public override string ToString() => $"{RelativeFile} [{Language}]";
}

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
            var problem = Check(turn, context.Replies, state, language);
            if (problem is not null)
            {
                var described = new StringBuilder($"turns[{i}] ({Describe(incoming)}): {problem}\n  bot replies:");
                foreach (var reply in context.Replies) described.Append("\n    - ").Append(DescribeReply(reply));
                if (context.Replies.Count == 0) described.Append(" (none)");
                return new(testCase.RelativeFile, language, name, false, described.ToString())
                {
                    Turn = i,
                    Expected = DescribeExpectations(turn, language),
                    Actual = [.. context.Replies.Select(DescribeReply), DescribeState(state)],
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
            activity.Text = Pick(turn.User, language);
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

    private string? Check(TranscriptTurn turn, IReadOnlyList<Activity> replies, ConversationState? state, string language)
    {
        if (turn.NoReply == true && replies.Count > 0) return "expected no reply";
        var next = 0;
        foreach (var (expectation, index) in (turn.Bot ?? []).Select((e, i) => (e, i)))
        {
            var found = false;
            string? lastProblem = null;
            for (; next < replies.Count && !found; next++)
            {
                lastProblem = Mismatch(expectation, replies[next], language);
                found = lastProblem is null;
            }
            if (!found) return $"bot[{index}]: no reply matches ({lastProblem ?? "no more replies"})";
        }
        if (turn.State is { } expected) return CheckState(expected, state);
        return null;
    }

    private static string? Mismatch(ReplyExpectation expectation, Activity reply, string language)
    {
        var text = reply.Text ?? "";
        if (expectation.Text is { } exact && !string.Equals(text.Trim(), Pick(exact, language).Trim(), StringComparison.Ordinal))
            return $"text is not \"{Pick(exact, language)}\"";
        if (expectation.Contains is { } part && !text.Contains(Pick(part, language), StringComparison.OrdinalIgnoreCase))
            return $"text does not contain \"{Pick(part, language)}\"";
        if (expectation.Matches is { } pattern && !Regex.IsMatch(text, Pick(pattern, language)))
            return $"text does not match /{Pick(pattern, language)}/";
        if (expectation.From is { } from && reply.From?.Id != from) return $"not from '{from}'";
        if (expectation.Cards is { } cards)
        {
            var titles = (reply.Attachments ?? []).Select(a => a.Content?["title"]?.GetValue<string>() ?? "").ToList();
            if (cards is string count && int.TryParse(count, CultureInfo.InvariantCulture, out var n))
            {
                if (titles.Count < n) return $"fewer than {n} cards";
            }
            else if (cards is IList list)
            {
                foreach (var wanted in list.Cast<object>().Select(o => o is IDictionary<object, object> map
                             ? map.TryGetValue(language, out var v) ? v.ToString()! : "" : o.ToString()!))
                    if (!titles.Any(t => t.Contains(wanted, StringComparison.OrdinalIgnoreCase))) return $"no card titled \"{wanted}\"";
            }
        }
        if (expectation.Suggested is { } suggested)
        {
            var titles = reply.SuggestedActions?.Actions.Select(a => a.Title ?? "").ToList() ?? [];
            foreach (var wanted in suggested.Select(s => Pick(s, language)))
                if (!titles.Any(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase))) return $"no suggested action \"{wanted}\"";
        }
        if (expectation.Handoff is { } handoff)
        {
            var offer = AuroraChannelData.From(reply)?.Handoff;
            if (offer is null) return "not a hand-off consent question";
            if (handoff.Target is not null && offer.Target != handoff.Target) return $"hand-off target is '{offer.Target}'";
            if (handoff.Offered is not null && !offer.Offered.Order().SequenceEqual(handoff.Offered.Order()))
                return $"offered [{string.Join(", ", offer.Offered)}]";
        }
        return null;
    }

    private string? CheckState(StateExpectation expected, ConversationState? state)
    {
        if (state is null) return "no conversation state was saved";
        var active = state.ActiveBot;
        if (expected.ActiveBot is { } botId && active != botId) return $"active bot is '{active}', expected '{botId}'";
        var botState = active is null ? null : state.Bots.GetValueOrDefault(active);
        var top = botState?.Stack.LastOrDefault();
        if (expected.Flow is { } flow && top?.Flow != flow) return $"flow is '{top?.Flow ?? "(none)"}', expected '{flow}'";
        if (expected.Idle == true && top is not null) return $"expected nothing running, but flow '{top.Flow}' is";
        if (expected.Step is { } step)
        {
            var name = top is null ? null : FlowContent.StepName(top.StepId);
            if (name != step) return $"step is '{name ?? "(none)"}', expected '{step}'";
        }
        if (expected.Language is { } language && state.Language != language) return $"language is '{state.Language}', expected '{language}'";
        foreach (var (name, value) in expected.Attributes ?? [])
        {
            var actual = botState?.Attributes.GetValueOrDefault(name)?.Value;
            if (actual != value) return $"attribute {name} is '{actual ?? "(unset)"}', expected '{value ?? "(unset)"}'";
        }
        foreach (var (name, value) in expected.Variables ?? [])
        {
            var actual = botState?.Variables.GetValueOrDefault(name);
            if (actual != value) return $"variable {name} is '{actual ?? "(unset)"}', expected '{value ?? "(unset)"}'";
        }
        return null;
    }

    private static string Pick(LocalizedText text, string language) =>
        text.ByLanguage.GetValueOrDefault(language) ?? text.ByLanguage.GetValueOrDefault(LocalizedTextConverter.AnyLanguage) ?? text.ByLanguage.Values.FirstOrDefault() ?? "";

    private static string Describe(Activity activity) => activity.Type == ActivityTypes.Message
        ? $"user: \"{activity.Text ?? activity.Value?.ToJsonString()}\"" : $"{activity.Type} {activity.Name}";

    /// <summary>One line per expectation of a turn, in the test's own vocabulary (<c>contains: "Hei"</c>).</summary>
    private static List<string> DescribeExpectations(TranscriptTurn turn, string language)
    {
        var lines = new List<string>();
        if (turn.NoReply == true) lines.Add("no_reply: true");
        foreach (var expectation in turn.Bot ?? [])
        {
            var parts = new List<string>();
            if (expectation.Text is { } text) parts.Add($"text: \"{Pick(text, language)}\"");
            if (expectation.Contains is { } part) parts.Add($"contains: \"{Pick(part, language)}\"");
            if (expectation.Matches is { } pattern) parts.Add($"matches: /{Pick(pattern, language)}/");
            if (expectation.Cards is string count) parts.Add($"cards: {count}");
            else if (expectation.Cards is IList titles) parts.Add($"cards: [{string.Join(", ", titles.Cast<object>())}]");
            if (expectation.Suggested is { } suggested) parts.Add($"suggested: [{string.Join(", ", suggested.Select(s => Pick(s, language)))}]");
            if (expectation.Handoff is { } handoff) parts.Add($"handoff: {handoff.Target} [{string.Join(", ", handoff.Offered ?? [])}]");
            if (expectation.From is { } from) parts.Add($"from: {from}");
            lines.Add(string.Join(", ", parts));
        }
        if (turn.State is { } state)
        {
            var parts = new List<string>();
            if (state.ActiveBot is { } bot) parts.Add($"active_bot: {bot}");
            if (state.Flow is { } flow) parts.Add($"flow: {flow}");
            if (state.Step is { } step) parts.Add($"step: {step}");
            if (state.Idle == true) parts.Add("idle: true");
            if (state.Language is { } stateLanguage) parts.Add($"language: {stateLanguage}");
            parts.AddRange((state.Attributes ?? []).Select(a => $"attributes.{a.Key}: {a.Value ?? "null"}"));
            parts.AddRange((state.Variables ?? []).Select(v => $"variables.{v.Key}: {v.Value ?? "null"}"));
            lines.Add("state: " + string.Join(", ", parts));
        }
        return lines;
    }

    private string DescribeState(ConversationState? state)
    {
        if (state is null) return "state: (none saved)";
        var active = state.ActiveBot;
        var top = active is null ? null : state.Bots.GetValueOrDefault(active)?.Stack.LastOrDefault();
        var step = top is null ? null : FlowContent.StepName(top.StepId);
        return top is null
            ? $"state: active_bot: {active}, idle, language: {state.Language}"
            : $"state: active_bot: {active}, flow: {top.Flow}, step: {step}, language: {state.Language}";
    }

    private static string DescribeReply(Activity reply)
    {
        var builder = new StringBuilder();
        builder.Append('[').Append(reply.From?.Id).Append("] ").Append((reply.Text ?? "").Replace("\n", " ⏎ "));
        if (reply.Attachments is { Count: > 0 } attachments)
            builder.Append(" | cards: ").AppendJoin(", ", attachments.Select(a => a.Content?["title"]?.GetValue<string>()));
        if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
            builder.Append(" | suggested: ").AppendJoin(", ", actions.Select(a => a.Title));
        if (AuroraChannelData.From(reply) is { } trace) builder.Append(" | ").Append(trace.Flow).Append('/').Append(trace.Step);
        return builder.ToString();
    }

    /// <summary>A turn context that records what the bot sends.</summary>
    private sealed class CapturingTurnContext(Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;
        public List<Activity> Replies { get; } = [];

        public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken = default)
        {
            Replies.Add(reply);
            return Task.FromResult(new ResourceResponse($"r{Replies.Count}"));
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;

namespace AuroraBots.Editor.Transcripts;

/// <summary>
/// Turns a preview conversation (the Direct Line activity log) into a transcript test (docs/transcript-tests.md):
/// the user's inputs become turns, each bot reply an expectation (a distinctive part of its text, the number of
/// cards, the suggested actions, the hand-off offer), and the conversation's final state the last turn's <c>state:</c>.
/// Replies to the channel's invisible conversationUpdate (the greeting) belong to the opening <c>join: true</c>.
/// </summary>
public static class PreviewTranscriptWriter
{
    private sealed class TurnDraft(Activity? input)
    {
        public Activity? Input { get; set; } = input;
        public List<Activity> Replies { get; } = [];
    }

    /// <param name="entryBot">The bot the conversation was opened with (plain id, not <c>draft.…</c>).</param>
    /// <param name="state">The conversation's saved state after its last turn (null when it expired).</param>
    public static string Write(string name, string entryBot, string? testBot, string language, IReadOnlyList<Activity> activities,
        ConversationState? state, DialogRuntime runtime)
    {
        var turns = Group(activities);
        var yaml = new StringBuilder();
        yaml.Append("# Recorded in the editor's preview; edit the expectations freely (docs/transcript-tests.md).\n");
        yaml.Append("name: ").Append(Quote(name)).Append('\n');
        yaml.Append("languages: [").Append(language).Append("]\n");
        if (testBot is not null && testBot != entryBot) yaml.Append("bot: ").Append(entryBot).Append('\n');
        yaml.Append("turns:\n");
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            WriteInput(yaml, turn.Input);
            var expectations = turn.Replies.Select(r => Expectation(r, entryBot, runtime)).Where(e => e.Count > 0).ToList();
            if (expectations.Count > 0)
            {
                yaml.Append("    bot:\n");
                foreach (var expectation in expectations)
                    for (var j = 0; j < expectation.Count; j++)
                        yaml.Append(j == 0 ? "      - " : "        ").Append(expectation[j]).Append('\n');
            }
            if (i == turns.Count - 1 && FinalState(state, turns, entryBot, runtime) is { Count: > 0 } checks)
            {
                yaml.Append("    state:\n");
                foreach (var check in checks) yaml.Append("      ").Append(check).Append('\n');
            }
        }
        return yaml.ToString();
    }

    /// <summary>Pairs each user input with the bot replies to it (by <c>replyToId</c>); a join opens the test.</summary>
    private static List<TurnDraft> Group(IReadOnlyList<Activity> activities)
    {
        var opening = new TurnDraft(null);
        var turns = new List<TurnDraft> { opening };
        var byInput = new Dictionary<string, TurnDraft>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (activity.From?.Role == RoleTypes.User)
            {
                if (!IsInput(activity)) continue;
                // A join before anything else is the opening turn (in the runner it greets, as the conversationUpdate did here).
                var turn = IsJoin(activity) && turns.Count == 1 && opening.Input is null ? opening : new TurnDraft(activity);
                if (turn == opening) opening.Input = activity;
                else turns.Add(turn);
                if (activity.Id is { } id) byInput[id] = turn;
            }
            else if (activity.Type == ActivityTypes.Message)
            {
                var owner = activity.ReplyToId is { } replyTo && byInput.TryGetValue(replyTo, out var found) ? found : opening;
                owner.Replies.Add(activity);
            }
        }
        return turns;
    }

    private static bool IsJoin(Activity activity) => activity.Type == ActivityTypes.Event && activity.Name == "webchat/join";

    private static bool IsInput(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message => !string.IsNullOrEmpty(activity.Text) || activity.Value is not null,
        ActivityTypes.Event => !string.IsNullOrEmpty(activity.Name),
        _ => false,
    };

    private static void WriteInput(StringBuilder yaml, Activity? input)
    {
        if (input is null || IsJoin(input)) { yaml.Append("  - join: true\n"); return; }
        if (input.Type == ActivityTypes.Event)
        {
            yaml.Append("  - event: { name: ").Append(Quote(input.Name!));
            if (input.Value is JsonObject value) yaml.Append(", value: ").Append(value.ToJsonString());
            yaml.Append(" }\n");
            return;
        }
        var postBack = input.ChannelData is JsonObject data && data["postBack"] is JsonValue flag && flag.TryGetValue<bool>(out var isPostBack) && isPostBack;
        if (!string.IsNullOrEmpty(input.Text))
            yaml.Append(postBack ? "  - postback: " : "  - user: ").Append(Quote(input.Text)).Append('\n');
        else
            yaml.Append("  - postback: ").Append(input.Value is JsonObject map ? map.ToJsonString() : Quote(input.Value?.ToJsonString() ?? "")).Append('\n');
    }

    /// <summary>The keys of one <c>bot:</c> entry (each line "key: value"), or none when the reply has nothing to check.</summary>
    private static List<string> Expectation(Activity reply, string entryBot, DialogRuntime runtime)
    {
        var keys = new List<string>();
        if (Distinctive(reply.Text) is { } part) keys.Add("contains: " + Quote(part));
        if (reply.Attachments is { Count: > 0 } cards) keys.Add($"cards: {cards.Count}");
        if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
            keys.Add("suggested: [" + string.Join(", ", actions.Select(a => Quote(a.Title ?? ""))) + "]");
        if (AuroraChannelData.From(reply)?.Handoff is { } offer)
            keys.Add($"handoff: {{ target: {offer.Target}, offered: [{string.Join(", ", offer.Offered)}] }}");
        if (keys.Count > 0 && reply.From?.Id is { } from && from != entryBot && runtime.Content.Bots.ContainsKey(from)) keys.Add("from: " + from);
        return keys;
    }

    /// <summary>
    /// A part of the reply text that identifies it: the first sentence of at least a few words without digits (numbers
    /// are often dates or counts), cut at a word boundary — short enough to survive small rewording elsewhere in the text.
    /// </summary>
    public static string? Distinctive(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var segments = text.Split(['\n', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).ToList();
        if (segments.Count == 0) return null;
        var chosen = segments.FirstOrDefault(s => s.Length >= 12 && !s.Any(char.IsDigit)) ?? segments.FirstOrDefault(s => !s.Any(char.IsDigit)) ?? segments[0];
        const int max = 60;
        if (chosen.Length > max)
        {
            var cut = chosen.LastIndexOf(' ', max);
            chosen = chosen[..(cut > 20 ? cut : max)].TrimEnd();
        }
        return chosen;
    }

    private static List<string> FinalState(ConversationState? state, List<TurnDraft> turns, string entryBot, DialogRuntime runtime)
    {
        var checks = new List<string>();
        if (state?.ActiveBot is { } active)
        {
            if (active != entryBot) checks.Add("active_bot: " + active);
            var top = state.Bots.GetValueOrDefault(active)?.Stack.LastOrDefault();
            if (top is null) checks.Add("idle: true");
            else
            {
                checks.Add("flow: " + Quote(top.Flow));
                if (runtime.Content.FindFlow(active, top.Flow) is not null) checks.Add("step: " + Quote(FlowContent.StepName(top.StepId)));
            }
            return checks;
        }
        // No saved state (expired): the trace of the last bot reply is the best evidence left.
        var last = turns.SelectMany(t => t.Replies).LastOrDefault();
        if (last is not null && AuroraChannelData.From(last) is { Flow: { } flow } trace)
        {
            checks.Add("flow: " + Quote(flow));
            if (trace.Step is { } step) checks.Add("step: " + Quote(step));
        }
        return checks;
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}

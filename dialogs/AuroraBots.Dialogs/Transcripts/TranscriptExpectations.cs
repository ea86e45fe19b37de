using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Transcripts;

/// <summary>
/// A transcript turn's expectations against what the bot did (replies and saved state), and the one-line
/// descriptions of both that a failure shows side by side.
/// </summary>
internal static class TranscriptExpectations
{
    public static string? Check(TranscriptTurn turn, IReadOnlyList<Activity> replies, ConversationState? state, string language)
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

    private static string? CheckState(StateExpectation expected, ConversationState? state)
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

    public static string Pick(LocalizedText text, string language) =>
        text.ByLanguage.GetValueOrDefault(language) ?? text.ByLanguage.GetValueOrDefault(LocalizedTextConverter.AnyLanguage) ?? text.ByLanguage.Values.FirstOrDefault() ?? "";

    public static string Describe(Activity activity) => activity.Type == ActivityTypes.Message
        ? $"user: \"{activity.Text ?? activity.Value?.ToJsonString()}\"" : $"{activity.Type} {activity.Name}";

    /// <summary>One line per expectation of a turn, in the test's own vocabulary (<c>contains: "Hei"</c>).</summary>
    public static List<string> DescribeExpectations(TranscriptTurn turn, string language)
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

    public static string DescribeState(ConversationState? state)
    {
        if (state is null) return "state: (none saved)";
        var active = state.ActiveBot;
        var top = active is null ? null : state.Bots.GetValueOrDefault(active)?.Stack.LastOrDefault();
        var step = top is null ? null : FlowContent.StepName(top.StepId);
        return top is null
            ? $"state: active_bot: {active}, idle, language: {state.Language}"
            : $"state: active_bot: {active}, flow: {top.Flow}, step: {step}, language: {state.Language}";
    }

    public static string DescribeReply(Activity reply)
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
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

internal sealed partial class Turn
{
    private const int DefaultMaxRetries = 2;

    /// <summary>Asks the prompt, unless it saves into an attribute the bot already holds ("don't ask again").</summary>
    private Outcome Ask(DialogFrame frame, FlowContent flow, StepDefinition step)
    {
        if (step.Save is { } save && save.StartsWith("attr.", StringComparison.Ordinal)
            && (step.SkipIfKnown ?? true) && Bot.Attributes.ContainsKey(save[5..]))
        {
            Advance(frame, flow, step);
            return Outcome.Continue;
        }
        SendPrompt(step, flow, frame, retry: false);
        frame.Waiting = true;
        return Outcome.Wait;
    }

    private void SendPrompt(StepDefinition step, FlowContent flow, DialogFrame frame, bool retry)
    {
        var text = Text(step.Text);
        if (retry) text = (step.Invalid is null ? SharedText(EngineTexts.InvalidAnswer) : Text(step.Invalid)) + "\n\n" + text;
        if (step.Ask == AskTypes.Scale)
        {
            _scope = new Dictionary<string, string>
            {
                ["var.low"] = step.Low is null ? "" : Text(step.Low),
                ["var.high"] = step.High is null ? "" : Text(step.High),
            };
            if (step.Low is not null || step.High is not null) text += "\n\n" + SharedText(EngineTexts.ScaleHint);
            _scope = null;
        }
        var reply = NewMessage(text, flow.Id, flow.StepName(frame.Step));
        reply.InputHint = "expectingInput";
        var actions = step.Ask switch
        {
            AskTypes.Choice => step.Choices!.Select(c => ImBack(Text(c.Label))).ToList(),
            AskTypes.YesNo => [ImBack(SharedText(EngineTexts.Yes)), ImBack(SharedText(EngineTexts.No))],
            AskTypes.Scale => [.. Enumerable.Range(0, 11).Select(i => ImBack(Number(i)))],
            _ => step.Suggestions?.Select(Suggestion).ToList() ?? [],
        };
        if (actions.Count > 0) reply.SuggestedActions = new SuggestedActions { Actions = actions };
        Outbox.Add(reply);
    }

    private static CardAction ImBack(string label) => new(ActionTypes.ImBack, label, JsonValue.Create(label));

    private async Task OnPromptAnswerAsync(DialogFrame frame, string text, NluResult nlu)
    {
        var flow = Content.FindFlow(ActiveBotId, frame.Flow)!;
        var step = flow.Steps[frame.Step];
        var answer = RecogniseAnswer(step, text, nlu);
        var top = nlu.Intents.Count > 0 ? nlu.Intents[0] : null;
        var route = top is not null && top.Score >= _services.Options.IntentThreshold ? _runtime.Route(ActiveBotId, top.Intent) : null;

        // Global intents (help, language, cancel…) win over a free-text answer and over an invalid one.
        if (route is { Shared: true } && (answer is null || step.Ask == AskTypes.Text))
        {
            await StartIntentAsync(top!.Intent);
            return;
        }
        if (answer is null && route is { Shared: false })
        {
            await StartIntentAsync(top!.Intent);
            return;
        }
        if (answer is not null && (step.Save is null || Assign(step.Save, answer.Value, AttributeSources.Asked)))
        {
            Advance(frame, flow, step, answer.Next);
            await RunStepsAsync();
            return;
        }

        frame.Retries++;
        if (frame.Retries > (step.MaxRetries ?? DefaultMaxRetries))
        {
            if (step.Fallback is null) Say(SharedText(EngineTexts.GaveUp), null, flow.Id, flow.StepName(frame.Step));
            Advance(frame, flow, step, step.Fallback);
            await RunStepsAsync();
            return;
        }
        SendPrompt(step, flow, frame, retry: true);
    }

    private sealed record Answer(string Value, string? Next = null);

    private Answer? RecogniseAnswer(StepDefinition step, string text, NluResult nlu)
    {
        switch (step.Ask)
        {
            case AskTypes.Text:
                return new Answer(text);
            case AskTypes.Number:
                return FirstNumber(text, nlu) is { } number && InRange(number, step.Min, step.Max)
                    ? new Answer(number.ToString(CultureInfo.InvariantCulture)) : null;
            case AskTypes.Age:
                var age = nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.Age)?.Value is { } recognised
                    && double.TryParse(recognised, CultureInfo.InvariantCulture, out var a) ? a : FirstNumber(text, nlu);
                return age is { } years && years == Math.Floor(years) && InRange(years, step.Min ?? 0, step.Max ?? 120)
                    ? new Answer(((int)years).ToString(CultureInfo.InvariantCulture)) : null;
            case AskTypes.Scale:
                return FirstNumber(text, nlu) is { } score && score == Math.Floor(score) && score is >= 0 and <= 10
                    ? new Answer(((int)score).ToString(CultureInfo.InvariantCulture)) : null;
            case AskTypes.Municipality:
                var code = nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.Municipality)?.Value;
                if (code is null && AuroraCodeLists.Default.IsValidMunicipalityCode(text)) code = text;
                return code is null ? null : new Answer(code);
            case AskTypes.YesNo:
                var yesNo = MatchesAny(text, EngineTexts.Yes) ? "yes"
                    : MatchesAny(text, EngineTexts.No) ? "no"
                    : nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.YesNo)?.Value;
                return yesNo switch
                {
                    "yes" => new Answer("yes", step.Yes),
                    "no" => new Answer("no", step.No),
                    _ => null,
                };
            case AskTypes.Choice:
                return MatchChoice(step, text) is { } choice ? new Answer(choice.Value!, choice.Next) : null;
            default:
                return null;
        }
    }

    private ChoiceDefinition? MatchChoice(StepDefinition step, string text)
    {
        var folded = Fold(text);
        var choices = step.Choices!;
        if (int.TryParse(folded, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= choices.Count
            && !choices.Any(c => Fold(c.Value!) == folded))
            return choices[position - 1];
        foreach (var choice in choices)
        {
            var labels = choice.Label?.Reference is { } key ? Content.FindText(ActiveBotId, key)?.ByLanguage.Values : choice.Label?.ByLanguage.Values;
            var words = (labels ?? Enumerable.Empty<string>()).Select(l => Fold(Render(l)))
                .Concat([Fold(choice.Value!)])
                .Concat(choice.Synonyms?.Values.SelectMany(s => s).Select(Fold) ?? []);
            if (words.Contains(folded)) return choice;
        }
        // A longer sentence that names exactly one choice ("I feel bad today").
        var named = choices.Where(c => (c.Label?.ByLanguage.GetValueOrDefault(Language) is { } label && ContainsWord(folded, Fold(label)))
            || (c.Synonyms?.GetValueOrDefault(Language)?.Any(s => ContainsWord(folded, Fold(s))) ?? false)).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private bool MatchesAny(string text, string key)
    {
        var folded = Fold(text);
        var labels = Content.Shared.Texts.Texts.GetValueOrDefault(key)?.ByLanguage.Values ?? Enumerable.Empty<string>();
        return labels.Any(l => Fold(l) == folded);
    }

    private static double? FirstNumber(string text, NluResult nlu)
    {
        var match = Regex.Match(text, @"-?\d+(?:[.,]\d+)?");
        if (match.Success && double.TryParse(match.Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        var entity = nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.Number);
        return entity is not null && double.TryParse(entity.Value, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static bool InRange(double value, double? min, double? max) => (min is null || value >= min) && (max is null || value <= max);

    private static string Fold(string text) =>
        string.Join(' ', Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value));

    private static bool ContainsWord(string haystack, string needle) =>
        needle.Length > 0 && (" " + haystack + " ").Contains(" " + needle + " ", StringComparison.Ordinal);
}

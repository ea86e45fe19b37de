using System.Globalization;
using AuroraBots.Builder;
using AuroraBots.Schema;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Nlu;
using static AuroraBots.Dialogs.Prompts.AnswerText;

namespace AuroraBots.Dialogs.Prompts;

/// <summary><c>ask: yesno</c> with optional <c>yes</c>/<c>no</c> jumps.</summary>
public sealed class YesNoPrompt(string? yes, string? no) : Prompt
{
    public override string Type => AskTypes.YesNo;
    public string? Yes { get; } = yes;
    public string? No { get; } = no;
    public override IEnumerable<string> Jumps => new[] { Yes, No }.OfType<string>();

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu)
    {
        var yesNo = MatchesAny(context.Turn, text, EngineTexts.Yes) ? "yes"
            : MatchesAny(context.Turn, text, EngineTexts.No) ? "no"
            : nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.YesNo)?.Value;
        return Answer(yesNo switch
        {
            "yes" => new PromptAnswer("yes", Yes),
            "no" => new PromptAnswer("no", No),
            _ => null,
        });
    }

    private protected override IReadOnlyList<CardAction> Actions(PromptContext context) =>
        [ImBack(context.Turn.Replies.SharedText(EngineTexts.Yes)), ImBack(context.Turn.Replies.SharedText(EngineTexts.No))];
}

/// <summary><c>ask: choice</c>: by label (any language), value, synonym, position, or one choice named in a sentence.</summary>
public sealed class ChoicePrompt(IReadOnlyList<ChoiceDefinition> choices) : Prompt
{
    public override string Type => AskTypes.Choice;
    public IReadOnlyList<ChoiceDefinition> Choices { get; } = choices;
    public override IEnumerable<string> Jumps => Choices.Select(c => c.Next).OfType<string>();

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu) =>
        Answer(Match(context.Turn, text) is { } choice ? new PromptAnswer(choice.Value ?? "", choice.Next) : null);

    private protected override IReadOnlyList<CardAction> Actions(PromptContext context) =>
        [.. Choices.Select(c => ImBack(context.Turn.Replies.Text(c.Label)))];

    private ChoiceDefinition? Match(DialogTurn turn, string text)
    {
        var folded = Fold(text);
        if (int.TryParse(folded, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= Choices.Count
            && !Choices.Any(c => Fold(c.Value ?? "") == folded))
            return Choices[position - 1];
        foreach (var choice in Choices)
        {
            var labels = choice.Label?.Reference is { } key ? turn.Content.FindText(turn.ActiveBotId, key)?.ByLanguage.Values : choice.Label?.ByLanguage.Values;
            var words = (labels ?? Enumerable.Empty<string>()).Select(l => Fold(turn.Replies.Render(l)))
                .Concat([Fold(choice.Value ?? "")])
                .Concat(choice.Synonyms?.Values.SelectMany(s => s).Select(Fold) ?? []);
            if (words.Contains(folded)) return choice;
        }
        // A longer sentence that names exactly one choice ("I feel bad today").
        var named = Choices.Where(c => (c.Label?.ByLanguage.GetValueOrDefault(turn.Language) is { } label && ContainsWord(folded, Fold(label)))
            || (c.Synonyms?.GetValueOrDefault(turn.Language)?.Any(s => ContainsWord(folded, Fold(s))) ?? false)).ToList();
        return named.Count == 1 ? named[0] : null;
    }
}

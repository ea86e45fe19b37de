using System.Globalization;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Builder;
using AuroraBots.Schema;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Prompts;

/// <summary><c>ask: text</c>: any reply is the answer.</summary>
public sealed class TextPrompt : Prompt
{
    public override string Type => AskTypes.Text;
    public override bool AcceptsAnyText => true;

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu) => Answer(new PromptAnswer(text));
}

/// <summary><c>ask: number</c> with optional <c>min</c>/<c>max</c>.</summary>
public sealed class NumberPrompt(double? min, double? max) : Prompt
{
    public override string Type => AskTypes.Number;

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu) =>
        Answer(AnswerText.FirstNumber(text, nlu) is { } number && AnswerText.InRange(number, min, max)
            ? new PromptAnswer(number.ToString(CultureInfo.InvariantCulture)) : null);
}

/// <summary><c>ask: age</c>: whole years within <c>min</c>..<c>max</c> (default 0..120); "I'm 15" works too.</summary>
public sealed class AgePrompt(double min, double max) : Prompt
{
    public override string Type => AskTypes.Age;

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu)
    {
        var age = nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.Age)?.Value is { } recognised
            && double.TryParse(recognised, CultureInfo.InvariantCulture, out var a) ? a : AnswerText.FirstNumber(text, nlu);
        return Answer(age is { } years && years == Math.Floor(years) && AnswerText.InRange(years, min, max)
            ? new PromptAnswer(AnswerText.Integer(years)) : null);
    }
}

/// <summary><c>ask: scale</c>: 0–10 with buttons; <c>low</c>/<c>high</c> name the ends.</summary>
public sealed class ScalePrompt(LocalizedText? low, LocalizedText? high) : Prompt
{
    public override string Type => AskTypes.Scale;
    public LocalizedText? Low { get; } = low;
    public LocalizedText? High { get; } = high;

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu) =>
        Answer(AnswerText.FirstNumber(text, nlu) is { } score && score == Math.Floor(score) && score is >= 0 and <= 10
            ? new PromptAnswer(AnswerText.Integer(score)) : null);

    private protected override string Decorate(string text, PromptContext context)
    {
        if (Low is null && High is null) return text;
        var replies = context.Turn.Replies;
        var ends = new Dictionary<string, string>
        {
            ["var.low"] = Low is null ? "" : replies.Text(Low),
            ["var.high"] = High is null ? "" : replies.Text(High),
        };
        return text + "\n\n" + replies.SharedText(EngineTexts.ScaleHint, scope: ends);
    }

    private protected override IReadOnlyList<CardAction> Actions(PromptContext context) =>
        [.. Enumerable.Range(0, 11).Select(i => ImBack(i.ToString(CultureInfo.InvariantCulture)))];
}

/// <summary><c>ask: municipality</c>: a municipality name (any language) or code.</summary>
public sealed class MunicipalityPrompt : Prompt
{
    public override string Type => AskTypes.Municipality;

    internal override Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu)
    {
        var code = Engine.MessageFacts.Municipality(nlu)?.Value; // "muutan Tampereelta Ouluun" answers Oulu
        if (code is null && AuroraCodeLists.Default.IsValidMunicipalityCode(text)) code = text;
        return Answer(code is null ? null : new PromptAnswer(code));
    }
}

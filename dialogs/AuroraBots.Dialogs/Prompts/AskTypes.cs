using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Prompts;

/// <summary>The one list of prompt types (<c>ask: &lt;type&gt;</c>) and how each is built from its step.</summary>
public static class AskTypes
{
    public const string Text = "text", Number = "number", Choice = "choice", YesNo = "yesno",
        Municipality = "municipality", Age = "age", Scale = "scale";

    private static readonly Dictionary<string, Func<StepDefinition, Prompt>> Factories = new(StringComparer.Ordinal)
    {
        [Text] = _ => new TextPrompt(),
        [Number] = d => new NumberPrompt(d.Min, d.Max),
        [Choice] = d => new ChoicePrompt(d.Choices ?? []),
        [YesNo] = d => new YesNoPrompt(d.Yes, d.No),
        [Municipality] = _ => new MunicipalityPrompt(),
        [Age] = d => new AgePrompt(d.Min ?? 0, d.Max ?? 120),
        [Scale] = d => new ScalePrompt(d.Low, d.High),
    };

    public static IReadOnlyCollection<string> All => Factories.Keys;

    /// <summary>The prompt of an <c>ask:</c> step; an unknown type (reported by the validator) reads free text.</summary>
    public static Prompt Create(StepDefinition definition) =>
        Factories.TryGetValue(definition.Ask ?? "", out var create) ? create(definition) : new TextPrompt();
}

using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Prompts;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// <c>ask: &lt;type&gt;</c>: sends the question and waits; the next message is recognised by the step's
/// <see cref="Prompts.Prompt"/>. Retries with <c>invalid</c>, gives up to <c>fallback</c> after <c>max_retries</c>.
/// </summary>
public sealed class AskStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public const int DefaultMaxRetries = 2;

    public Prompt Prompt { get; } = AskTypes.Create(definition);
    public LocalizedText? Text { get; } = definition.Text;
    public LocalizedText? Invalid { get; } = definition.Invalid;
    public string? Save { get; } = definition.Save;
    public bool SkipIfKnown { get; } = definition.SkipIfKnown ?? true;
    public int MaxRetries { get; } = definition.MaxRetries ?? DefaultMaxRetries;
    public string? Fallback { get; } = definition.Fallback;
    public IReadOnlyList<SuggestionDefinition> Suggestions { get; } = definition.Suggestions ?? [];
    public override string Kind => StepKinds.Ask;
    public override bool Waits => true;
    public override IEnumerable<string> Jumps => Prompt.Jumps.Concat(Fallback is null ? [] : [Fallback]);

    /// <summary>The attribute this prompt fills (<c>save: attr.x</c>), if any.</summary>
    public string? SavesAttribute => Save is { } save && save.StartsWith("attr.", StringComparison.Ordinal) ? save[5..] : null;

    /// <summary>Asks, unless the step saves into an attribute the bot already holds ("don't ask again").</summary>
    internal override async Task<StepOutcome> RunAsync(StepRun run)
    {
        if (SkipIfKnown && SavesAttribute is { } attribute && run.Turn.Bot.Attributes.ContainsKey(attribute))
        {
            run.Advance();
            return StepOutcome.Continue;
        }
        await Prompt.OnPromptAsync(new PromptContext(run, this), isRetry: false);
        run.Frame.Waiting = true;
        return StepOutcome.Wait;
    }

    /// <summary>The user replied while this prompt waited.</summary>
    internal async Task ContinueAsync(StepRun run, string text, NluResult nlu)
    {
        var turn = run.Turn;
        var context = new PromptContext(run, this);
        var answer = await Prompt.OnRecognizeAsync(context, text, nlu);
        var top = nlu.Intents.Count > 0 ? nlu.Intents[0] : null;
        var route = top is not null && top.Score >= turn.Services.Options.IntentThreshold ? turn.Runtime.Route(turn.ActiveBotId, top.Intent) : null;

        // Global intents (help, language, cancel…) win over a free-text answer and over an invalid one;
        // the bot's own intents only over an invalid one.
        if (top is not null && route is { } found && (found.Shared ? answer is null || Prompt.AcceptsAnyText : answer is null))
        {
            await turn.Intents.StartAsync(top.Intent);
            return;
        }
        if (answer is not null && (Save is null || turn.Assign(Save, answer.Value, AttributeSources.Asked)))
        {
            run.Advance(answer.Next);
            await turn.Flows.RunAsync();
            return;
        }

        run.Frame.Retries++;
        if (run.Frame.Retries > MaxRetries)
        {
            if (Fallback is null) turn.Replies.Say(turn.Replies.SharedText(EngineTexts.GaveUp), flow: run.Flow.Id, step: Id);
            run.Advance(Fallback);
            await turn.Flows.RunAsync();
            return;
        }
        await Prompt.OnPromptAsync(context, isRetry: true);
    }
}

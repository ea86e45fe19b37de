using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Schema;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Steps;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Prompts;

/// <summary>
/// One ask type, in the style of Bot Framework's <c>Prompt&lt;T&gt;</c>: <see cref="OnPromptAsync"/> sends the
/// question (with buttons and hints), <see cref="OnRecognizeAsync"/> turns the user's reply into an answer.
/// Instances are part of the compiled flow and hold only content (never conversation data).
/// </summary>
public abstract class Prompt
{
    public abstract string Type { get; }

    /// <summary>Step ids an answer may jump to (choice and yes/no targets).</summary>
    public virtual IEnumerable<string> Jumps => [];

    /// <summary>Free text: a global intent (help, cancel…) wins over it even when it is a valid answer.</summary>
    public virtual bool AcceptsAnyText => false;

    internal Task OnPromptAsync(PromptContext context, bool isRetry)
    {
        var replies = context.Turn.Replies;
        var step = context.Step;
        var text = replies.Text(step.Text);
        if (isRetry) text = (step.Invalid is null ? replies.SharedText(EngineTexts.InvalidAnswer) : replies.Text(step.Invalid)) + "\n\n" + text;
        var reply = replies.NewMessage(Decorate(text, context), context.Run.Flow.Id, step.Id);
        reply.InputHint = "expectingInput";
        var actions = Actions(context);
        if (actions.Count > 0) reply.SuggestedActions = new SuggestedActions { Actions = [.. actions] };
        context.Turn.Outbox.Add(reply);
        return Task.CompletedTask;
    }

    internal abstract Task<PromptAnswer?> OnRecognizeAsync(PromptContext context, string text, NluResult nlu);

    /// <summary>Adds hints to the question text.</summary>
    private protected virtual string Decorate(string text, PromptContext context) => text;

    /// <summary>The buttons under the question; by default the step's <c>suggestions</c>.</summary>
    private protected virtual IReadOnlyList<CardAction> Actions(PromptContext context) =>
        [.. context.Step.Suggestions.Select(context.Turn.Replies.Suggestion)];

    protected static CardAction ImBack(string label) => new(ActionTypes.ImBack, label, JsonValue.Create(label));

    protected static Task<PromptAnswer?> Answer(PromptAnswer? answer) => Task.FromResult(answer);
}

/// <summary>A recognised answer: the value to save and, for choices and yes/no, where to go next.</summary>
public sealed record PromptAnswer(string Value, string? Next = null);

/// <summary>The prompt's view of the turn: the running step and the turn it runs in.</summary>
internal sealed record PromptContext(StepRun Run, AskStep Step)
{
    public DialogTurn Turn => Run.Turn;
}

using System.Globalization;
using System.Text.Json;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Steps;

/// <summary><c>action: plugin.function</c> with <c>args</c>; the result may be saved into a variable.</summary>
public sealed class ActionStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public string Action { get; } = definition.Action ?? "";
    public IReadOnlyList<KeyValuePair<string, string?>> Args { get; } = [.. definition.Args ?? []];
    public string? Save { get; } = definition.Save;
    public string? Fallback { get; } = definition.Fallback;
    public override string Kind => StepKinds.Action;
    public override IEnumerable<string> Jumps => Fallback is null ? [] : [Fallback];

    internal override async Task<StepOutcome> RunAsync(StepRun run)
    {
        var turn = run.Turn;
        var kernel = turn.Services.Kernel;
        var (plugin, function) = KernelActionCatalog.Find(kernel, Action);
        try
        {
            if (function is null) throw new InvalidOperationException($"No Semantic Kernel function '{Action}'.");
            var arguments = new KernelArguments();
            foreach (var (name, value) in Args)
                arguments[name] = value is null ? null : turn.Replies.Render(value);
            var result = await function.InvokeAsync(kernel, arguments, turn.Cancellation);
            if (Save is { } save) turn.Assign(save, Serialise(result.GetValue<object>()), AttributeSources.SetByBot);
            run.Advance();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            turn.Services.Logger.LogError(ex, "Action {Action} ({Plugin}) failed in {File}", Action, plugin, run.Flow.File);
            if (Fallback is null) turn.Replies.Say(turn.Replies.SharedText(EngineTexts.ActionFailed));
            run.Advance(Fallback);
        }
        return StepOutcome.Continue;
    }

    private static string? Serialise(object? value) => value switch
    {
        null => null,
        string s => s,
        var other when other.GetType().IsPrimitive => Convert.ToString(other, CultureInfo.InvariantCulture),
        var other => JsonSerializer.Serialize(other, other.GetType(), JsonSerializerOptions.Web),
    };
}

using System.Text.Json;
using AuroraBots.Dialogs.Conditions;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Engine;

internal sealed partial class Turn
{
    private enum Outcome { Continue, Wait }

    /// <summary>Runs steps until a prompt waits for the user or nothing is left on the stack.</summary>
    private async Task RunStepsAsync()
    {
        while (Top is { } frame)
        {
            if (++_steps > _services.Options.MaxStepsPerTurn)
            {
                _services.Logger.LogError("Bot {Bot} flow {Flow} ran {Steps} steps without waiting; stopping it", ActiveBotId, frame.Flow, _steps);
                Bot.Stack.Clear();
                Say(SharedText(EngineTexts.Error), null);
                return;
            }
            var flow = Content.FindFlow(ActiveBotId, frame.Flow);
            if (flow is null || frame.Step >= flow.Steps.Count)
            {
                Pop();
                continue;
            }
            if (frame.Waiting) return;
            var step = flow.Steps[frame.Step];
            var outcome = await ExecuteAsync(frame, flow, step);
            if (outcome == Outcome.Wait) return;
        }
    }

    private async Task<Outcome> ExecuteAsync(DialogFrame frame, FlowContent flow, StepDefinition step)
    {
        switch (step.Kind)
        {
            case StepKinds.Say:
                SayStep(step, flow, frame);
                Advance(frame, flow, step);
                return Outcome.Continue;
            case StepKinds.Ask:
                return Ask(frame, flow, step);
            case StepKinds.Set:
                foreach (var (target, value) in step.Set!)
                    Assign(target, value is null ? null : Render(value), AttributeSources.SetByBot);
                Advance(frame, flow, step);
                return Outcome.Continue;
            case StepKinds.Branch:
                var taken = step.Branch!.FirstOrDefault(c => ConditionParser.Parse(c.If!).IsTrue(Resolve));
                Advance(frame, flow, step, taken?.Next ?? step.Else);
                return Outcome.Continue;
            case StepKinds.Goto:
                Advance(frame, flow, step, step.Goto);
                return Outcome.Continue;
            case StepKinds.Call:
                Advance(frame, flow, step);
                Push(step.Call!);
                return Outcome.Continue;
            case StepKinds.End:
                if (step.End == "conversation") EndConversation();
                else Pop();
                return Outcome.Continue;
            case StepKinds.Do:
                await DoAsync(frame, flow, step);
                return Outcome.Continue;
            case StepKinds.Action:
                await ActionAsync(frame, flow, step);
                return Outcome.Continue;
            case StepKinds.Recommend:
                await RecommendAsync(frame, flow, step);
                return Outcome.Continue;
            case StepKinds.Handoff:
                return await HandoffAsync(frame, flow, step);
            default:
                throw new InvalidOperationException($"{flow.File}: step {frame.Step} has no kind");
        }
    }

    /// <summary>Moves to <paramref name="target"/> (a step id), else the step's <c>next</c>, else the following step.</summary>
    private static void Advance(DialogFrame frame, FlowContent flow, StepDefinition step, string? target = null)
    {
        frame.Waiting = false;
        frame.Retries = 0;
        var id = target ?? step.Next;
        frame.Step = id is not null && flow.IndexOf(id) is { } index ? index : frame.Step + 1;
    }

    private async Task DoAsync(DialogFrame frame, FlowContent flow, StepDefinition step)
    {
        switch (step.Do)
        {
            case DoCommands.Cancel:
                Bot.Stack.Clear();
                break;
            case DoCommands.Restart:
                Bot.Stack.Clear();
                Bot.Variables.Clear();
                Push(ActiveBot.Manifest.Entry!);
                break;
            case DoCommands.ForgetMe:
                ForgetEverything();
                break;
            case DoCommands.HandBack:
                Advance(frame, flow, step);
                HandBack();
                break;
        }
        await Task.CompletedTask;
    }

    /// <summary><c>end: conversation</c>: all flows end; a bot that was handed to hands the user back.</summary>
    private void EndConversation()
    {
        Bot.Stack.Clear();
        if (State.BotStack.Count > 1) HandBack();
    }

    /// <summary>Writes <c>attr.*</c>, <c>var.*</c> or <c>conv.language</c>; null removes. False when the value is out of range.</summary>
    private bool Assign(string target, string? value, string source)
    {
        if (target == "conv.language")
        {
            var language = LanguageOf(value);
            if (language is null || !ActiveBot.Languages.Contains(language)) return false;
            SetLanguage(language, announce: false);
            return true;
        }
        if (target.StartsWith("attr.", StringComparison.Ordinal))
        {
            var name = target[5..];
            if (value is null) { Bot.Attributes.Remove(name); return true; }
            if (AttributeSchema.CheckValue(name, value) is { } problem)
            {
                _services.Logger.LogWarning("Bot {Bot}: not storing attribute {Attribute}: {Problem}", ActiveBotId, name, problem);
                return false;
            }
            SetAttribute(name, value, source);
            return true;
        }
        var variable = target[4..];
        if (value is null) Bot.Variables.Remove(variable);
        else Bot.Variables[variable] = value;
        return true;
    }

    private async Task ActionAsync(DialogFrame frame, FlowContent flow, StepDefinition step)
    {
        var (plugin, function) = KernelActionCatalog.Find(_services.Kernel, step.Action!);
        try
        {
            if (function is null) throw new InvalidOperationException($"No Semantic Kernel function '{step.Action}'.");
            var arguments = new KernelArguments();
            foreach (var (name, value) in step.Args ?? [])
                arguments[name] = value is null ? null : Render(value);
            var result = await function.InvokeAsync(_services.Kernel, arguments, _cancellation);
            if (step.Save is { } save)
            {
                var value = result.GetValue<object>() switch
                {
                    null => null,
                    string s => s,
                    var other when other.GetType().IsPrimitive => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                    var other => JsonSerializer.Serialize(other, other.GetType(), JsonSerializerOptions.Web),
                };
                Assign(save, value, AttributeSources.SetByBot);
            }
            Advance(frame, flow, step);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _services.Logger.LogError(ex, "Action {Action} ({Plugin}) failed in {File}", step.Action, plugin, flow.File);
            if (step.Fallback is null) Say(SharedText(EngineTexts.ActionFailed), null);
            Advance(frame, flow, step, step.Fallback);
        }
    }

    /// <summary>Values for conditions: <c>attr.*</c>, <c>var.*</c>, <c>conv.language</c>.</summary>
    private string? Resolve(string name)
    {
        if (name == "conv.language") return Language;
        if (name.StartsWith("attr.", StringComparison.Ordinal))
            return Bot.Attributes.TryGetValue(name[5..], out var attribute) ? attribute.Value : null;
        if (name.StartsWith("var.", StringComparison.Ordinal)) return Variable(name[4..]);
        return null;
    }

    /// <summary>A variable, or a field of a JSON variable (<c>var.result.name</c>).</summary>
    private string? Variable(string path)
    {
        if (Bot.Variables.TryGetValue(path, out var direct)) return direct;
        var parts = path.Split('.');
        for (var cut = parts.Length - 1; cut > 0; cut--)
        {
            if (!Bot.Variables.TryGetValue(string.Join('.', parts[..cut]), out var json)) continue;
            try
            {
                var node = JsonDocument.Parse(json).RootElement;
                foreach (var part in parts[cut..])
                {
                    if (node.ValueKind != JsonValueKind.Object || !TryGetPropertyIgnoreCase(node, part, out node)) return null;
                }
                return node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText();
            }
            catch (JsonException) { return null; }
        }
        return null;
    }

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) { value = property.Value; return true; }
        value = default;
        return false;
    }
}

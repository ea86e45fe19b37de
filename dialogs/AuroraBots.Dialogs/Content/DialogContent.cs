using AuroraBots.Builder;
using AuroraBots.Dialogs.Steps;

namespace AuroraBots.Dialogs.Content;

/// <summary>Everything under <c>bots/</c>, parsed (and, when served, validated). Immutable once built.</summary>
public sealed class DialogContent
{
    public required string RootPath { get; init; }
    public required IReadOnlyDictionary<string, BotContent> Bots { get; init; }
    public required SharedContent Shared { get; init; }

    /// <summary>A flow as seen from a bot: its own first, then the shared one.</summary>
    public FlowContent? FindFlow(string botId, string flowId) =>
        Bots.TryGetValue(botId, out var bot) && bot.Flows.TryGetValue(flowId, out var own) ? own
        : Shared.Flows.GetValueOrDefault(flowId);

    /// <summary>A text key as seen from a bot: its own texts.yaml first, then the shared one.</summary>
    public LocalizedText? FindText(string? botId, string key) =>
        botId is not null && Bots.TryGetValue(botId, out var bot) && bot.Texts.Texts.TryGetValue(key, out var own) ? own
        : Shared.Texts.Texts.GetValueOrDefault(key);
}

public sealed class BotContent
{
    public required string Id { get; init; }
    public required string Folder { get; init; }
    public required BotManifest Manifest { get; init; }
    public required IReadOnlyDictionary<string, FlowContent> Flows { get; init; }
    public required TextsDocument Texts { get; init; }
    public required IntentsDocument Intents { get; init; }
    public IntentsDocument? TestIntents { get; init; }
    public required IReadOnlyList<string> TranscriptFiles { get; init; }

    /// <summary>The platform's languages (configuration <c>Languages</c>): what a bot speaks when its manifest lists none.</summary>
    public IReadOnlyList<string> PlatformLanguages { get; init; } = Platform.Languages.Default.Supported;
    public IReadOnlyList<string> Languages => Manifest.Languages.Count > 0 ? Manifest.Languages : PlatformLanguages;
    public string DefaultLanguage => Manifest.DefaultLanguage ?? Languages[0];

    public string NameIn(string language) => Pick(Manifest.Name, language) ?? Id;
    public string OrganisationIn(string language) => Pick(Manifest.Organisation, language) ?? "";

    public string? Pick(LocalizedText? text, string language) =>
        text is null ? null
        : text.ByLanguage.TryGetValue(language, out var value) ? value
        : text.ByLanguage.TryGetValue(DefaultLanguage, out var fallback) ? fallback
        : text.ByLanguage.Values.FirstOrDefault();

    public BotDescriptor ToDescriptor() => new(
        Id,
        Localized(Manifest.Name), Localized(Manifest.Organisation), Localized(Manifest.Description),
        Languages, DefaultLanguage)
    {
        Receives = [.. Manifest.Receives.Where(r => r.Attribute is not null)
            .Select(r => new ReceivableAttribute(r.Attribute!, Localized(r.Purpose)))],
        ServiceChannelId = Manifest.ServiceChannelId,
    };

    private static Dictionary<string, string> Localized(LocalizedText? text) =>
        text is null ? [] : new Dictionary<string, string>(text.ByLanguage.Where(kv => kv.Key != LocalizedTextConverter.AnyLanguage));
}

public sealed class SharedContent
{
    public required SharedManifest Manifest { get; init; }
    public required IReadOnlyDictionary<string, FlowContent> Flows { get; init; }
    public required TextsDocument Texts { get; init; }
    public required IntentsDocument Intents { get; init; }
    public IntentsDocument? TestIntents { get; init; }
    /// <summary><c>_shared/crisis.yaml</c> (required: content without crisis contacts is not served); null only in invalid content.</summary>
    public CrisisDocument? Crisis { get; init; }
}

/// <summary>
/// A flow: its file as written (<see cref="Document"/>, for the validator and the editor) and its compiled,
/// immutable steps with their ids. <see cref="Version"/> changes whenever the file does.
/// </summary>
public sealed class FlowContent
{
    private readonly Dictionary<string, Step> _byId = new(StringComparer.Ordinal);

    public FlowContent(string id, string file, FlowDocument document, bool shared, string version)
    {
        Id = id;
        File = file;
        Document = document;
        IsShared = shared;
        Version = version;
        var ids = StepIds.Assign(document.Steps);
        var steps = new List<Step>(document.Steps.Count);
        for (var i = 0; i < document.Steps.Count; i++)
        {
            var definition = document.Steps[i];
            var position = new StepPosition(i, ids[i]);
            var step = definition.Kinds() is [var kind] ? kind.Compile(definition, position) : new InvalidStep(definition, position);
            steps.Add(step);
            _byId.TryAdd(step.Id, step);
        }
        Steps = steps;
    }

    public string Id { get; }
    /// <summary>Relative to <c>bots/</c>, e.g. <c>youth/checkin.yaml</c>.</summary>
    public string File { get; }
    public FlowDocument Document { get; }
    public bool IsShared { get; }
    /// <summary>A hash of the flow file; saved with a user's position so a changed flow is noticed.</summary>
    public string Version { get; }
    public IReadOnlyList<Step> Steps { get; }

    public Step? First => Steps.Count > 0 ? Steps[0] : null;

    public Step? Find(string stepId) => _byId.GetValueOrDefault(stepId);

    /// <summary>The step written after <paramref name="step"/>; null at the end of the flow.</summary>
    public Step? After(Step step) => step.Index + 1 < Steps.Count ? Steps[step.Index + 1] : null;

    /// <summary>Whether <c>next:</c>, <c>goto:</c> and the like may name <paramref name="stepId"/> (explicit ids only).</summary>
    public bool HasExplicitId(string stepId) => Find(stepId) is { HasExplicitId: true };

    /// <summary>The step name shown in traces and transcript tests; <c>#end</c> after the last step.</summary>
    public static string StepName(string? stepId) => stepId ?? "#end";
}

using AuroraBots.Builder;

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

    public IReadOnlyList<string> Languages => Manifest.Languages.Count > 0 ? Manifest.Languages : ["fi", "sv", "en"];
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

/// <summary>A flow file with its id, the file name used in messages and an index of step ids.</summary>
public sealed class FlowContent
{
    public FlowContent(string id, string file, FlowDocument document, bool shared)
    {
        Id = id;
        File = file;
        Document = document;
        IsShared = shared;
        for (var i = 0; i < document.Steps.Count; i++)
            if (document.Steps[i].Id is { } stepId) StepIndex.TryAdd(stepId, i);
    }

    public string Id { get; }
    /// <summary>Relative to <c>bots/</c>, e.g. <c>youth/checkin.yaml</c>.</summary>
    public string File { get; }
    public FlowDocument Document { get; }
    public bool IsShared { get; }
    public Dictionary<string, int> StepIndex { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<StepDefinition> Steps => Document.Steps;

    public int? IndexOf(string stepId) => StepIndex.TryGetValue(stepId, out var index) ? index : null;

    /// <summary>The name shown in traces and transcript tests: the step id, or <c>#index</c>.</summary>
    public string StepName(int index) => index < Steps.Count ? Steps[index].Id ?? $"#{index}" : "#end";
}

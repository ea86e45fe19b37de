using AuroraBots.Dialogs.Steps;

namespace AuroraBots.Dialogs.Content;

/// <summary>One flow file: a list of steps run top to bottom.</summary>
public sealed class FlowDocument
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public List<StepDefinition> Steps { get; set; } = [];
}

/// <summary>
/// A step as written in YAML (kept flat and backward compatible for editors); compiled at load into a typed
/// <see cref="Step"/>. Exactly one kind key (<see cref="StepKinds.All"/>) is set; the other keys
/// belong to that kind. Kept flat so validation paths read like the YAML (<c>steps[3].choices[1].next</c>).
/// </summary>
public sealed class StepDefinition
{
    public string? Id { get; set; }
    public string? Next { get; set; }

    // Kind keys.
    public LocalizedText? Say { get; set; }
    public string? Ask { get; set; }
    public Dictionary<string, string?>? Set { get; set; }
    public List<BranchCase>? Branch { get; set; }
    public string? Goto { get; set; }
    public string? Call { get; set; }
    public string? Do { get; set; }
    public string? End { get; set; }
    public string? Action { get; set; }
    public string? Recommend { get; set; }
    public string? Handoff { get; set; }

    // say
    public List<CardDefinition>? Cards { get; set; }
    public string? Layout { get; set; }
    public List<SuggestionDefinition>? Suggestions { get; set; }

    // ask
    public LocalizedText? Text { get; set; }
    public string? Save { get; set; }
    public bool? SkipIfKnown { get; set; }
    public LocalizedText? Invalid { get; set; }
    public int? MaxRetries { get; set; }
    public string? Fallback { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public List<ChoiceDefinition>? Choices { get; set; }
    public string? Yes { get; set; }
    public string? No { get; set; }
    public LocalizedText? Low { get; set; }
    public LocalizedText? High { get; set; }

    // branch
    public string? Else { get; set; }

    // action
    public Dictionary<string, string?>? Args { get; set; }

    // recommend
    public List<string>? Meters { get; set; }
    public string? Query { get; set; }
    public int? Limit { get; set; }
    public RecommendFilters? Filters { get; set; }

    // handoff
    public List<string>? Share { get; set; }
    public LocalizedText? Purpose { get; set; }

    /// <summary>The kinds whose key is present (validation wants exactly one).</summary>
    public IReadOnlyList<StepKind> Kinds() => StepKinds.Present(this);
}

public sealed class BranchCase
{
    public string? If { get; set; }
    public string? Next { get; set; }
}

public sealed class ChoiceDefinition
{
    public string? Value { get; set; }
    public LocalizedText? Label { get; set; }
    public Dictionary<string, List<string>>? Synonyms { get; set; }
    public string? Next { get; set; }
}

public sealed class CardDefinition
{
    public LocalizedText? Title { get; set; }
    public LocalizedText? Subtitle { get; set; }
    public LocalizedText? Text { get; set; }
    public string? Image { get; set; }
    public List<ButtonDefinition>? Buttons { get; set; }
}

public sealed class ButtonDefinition
{
    public LocalizedText? Title { get; set; }
    public string? Url { get; set; }
    public string? Tel { get; set; }
    public string? Postback { get; set; }
}

/// <summary>A suggested action: a text (clicking sends it) or a label with a value.</summary>
public sealed class SuggestionDefinition
{
    public LocalizedText? Label { get; set; }
    public string? Value { get; set; }
}

public sealed class RecommendFilters
{
    public bool? Municipality { get; set; }
    public bool? IncludeNational { get; set; }
    public List<string>? TargetGroups { get; set; }
    public List<string>? ServiceClasses { get; set; }
}

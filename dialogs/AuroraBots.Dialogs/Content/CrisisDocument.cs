namespace AuroraBots.Dialogs.Content;

/// <summary>
/// <c>bots/_shared/crisis.yaml</c>: the contacts the safety layer answers with (content, not code), an intro per
/// crisis category, a closing line, and the date an editor last checked the numbers.
/// </summary>
public sealed class CrisisDocument
{
    /// <summary>ISO date (YYYY-MM-DD) of the last check of every number against its organisation.</summary>
    public string? CheckedOn { get; set; }

    /// <summary>The first sentences of the reply, per category.</summary>
    public CrisisIntro Intro { get; set; } = new();

    public LocalizedText? Closing { get; set; }

    /// <summary>In the order they are shown.</summary>
    public List<CrisisContact> Contacts { get; set; } = [];
}

public sealed class CrisisContact
{
    public string? Id { get; set; }
    public LocalizedText? Name { get; set; }
    /// <summary>As people dial it in Finland ("09 2525 0111"); shown as a call button (tel: link).</summary>
    public string? Phone { get; set; }
    /// <summary>An https address (a chat), shown as a link.</summary>
    public string? Url { get; set; }
    /// <summary>Only hours that were checked; omitted otherwise.</summary>
    public LocalizedText? Hours { get; set; }
    public List<string> Categories { get; set; } = [];
    /// <summary>Conversation languages it is shown in; empty = all.</summary>
    public List<string> Languages { get; set; } = [];
}

/// <summary>One intro per category of <c>AuroraBots.Nlu.Safety.SafetyCategories</c> (YAML keys are the category ids).</summary>
public sealed class CrisisIntro
{
    public LocalizedText? SelfHarm { get; set; }
    public LocalizedText? Violence { get; set; }
    public LocalizedText? SexualAbuse { get; set; }
    public LocalizedText? Emergency { get; set; }

    public LocalizedText? For(string category) => category switch
    {
        "self_harm" => SelfHarm,
        "violence" => Violence,
        "sexual_abuse" => SexualAbuse,
        "emergency" => Emergency,
        _ => null,
    };
}

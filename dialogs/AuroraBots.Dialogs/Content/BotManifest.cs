namespace AuroraBots.Dialogs.Content;

/// <summary><c>bots/&lt;bot&gt;/bot.yaml</c>: who the bot is, what it may receive, which intent starts which flow.</summary>
public sealed class BotManifest
{
    public string? Id { get; set; }
    public LocalizedText? Name { get; set; }
    public LocalizedText? Organisation { get; set; }
    public LocalizedText? Description { get; set; }
    public List<string> Languages { get; set; } = [];
    public string? DefaultLanguage { get; set; }
    public string? ServiceChannelId { get; set; }
    public string? Entry { get; set; }
    public List<string> Flows { get; set; } = [];
    public List<ReceivesDefinition> Receives { get; set; } = [];
    /// <summary>Attributes picked up from any message; null means the default (municipality_code, age).</summary>
    public List<string>? Recognise { get; set; }
    public Dictionary<string, IntentRoute> Intents { get; set; } = new(StringComparer.Ordinal);
    /// <summary>People in the chat: hours, holidays, contact details, canned answers (<see cref="LiveChatDefinition"/>).</summary>
    public LiveChatDefinition? LiveChat { get; set; }
}

public sealed class ReceivesDefinition
{
    public string? Attribute { get; set; }
    public LocalizedText? Purpose { get; set; }
}

/// <summary>An intent of a manifest (or of <c>_shared/shared.yaml</c>) and the flow it starts.</summary>
public sealed class IntentRoute
{
    public string? Flow { get; set; }
    public LocalizedText? Label { get; set; }
    /// <summary>Shared intents only: runs on top of a waiting prompt, which is asked again afterwards.</summary>
    public bool Interrupts { get; set; }
}

/// <summary><c>bots/_shared/shared.yaml</c>.</summary>
public sealed class SharedManifest
{
    public Dictionary<string, IntentRoute> Intents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Plugins from optional platform modules: actions on them validate even when the host lacks them.</summary>
    public List<string> OptionalPlugins { get; set; } = [];
}

/// <summary><c>texts.yaml</c>.</summary>
public sealed class TextsDocument
{
    public Dictionary<string, LocalizedText> Texts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary><c>intents.yaml</c> / <c>intents.test.yaml</c>: intent → language → utterances.</summary>
public sealed class IntentsDocument
{
    public Dictionary<string, Dictionary<string, List<string>>> Intents { get; set; } = new(StringComparer.Ordinal);
}

using AuroraBots.Dialogs.Content;
using AuroraBots.Nlu.Routing;

namespace AuroraBots.Dialogs;

/// <summary>Configuration section <c>Dialogs</c>.</summary>
public sealed class DialogsOptions
{
    public const string SectionName = "Dialogs";

    /// <summary>The dialogs folder; default: a <c>bots</c> content folder found walking up from the content root / current directory.</summary>
    public string? Path { get; set; }

    /// <summary>Idle time after which a conversation's state is dropped (sliding).</summary>
    public TimeSpan StateTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Key prefix in the distributed cache (Redis), so several deployments can share one server.</summary>
    public string StateKeyPrefix { get; set; } = "aurorabots:";

    /// <summary>Minimum intent confidence to act on an intent without asking.</summary>
    public double IntentThreshold { get; set; } = 0.5;

    /// <summary>Below <see cref="IntentThreshold"/> but above this, the user is asked "did you mean A or B?".</summary>
    public double ClarifyThreshold { get; set; } = 0.25;

    /// <summary>How intent scores become act / clarify / out of scope (thresholds above included).</summary>
    public RoutingOptions Routing => new() { IntentThreshold = IntentThreshold, ClarifyThreshold = ClarifyThreshold };

    /// <summary>Minimum language-detection confidence to switch the conversation language from one message.</summary>
    public double LanguageSwitchConfidence { get; set; } = 0.55;

    /// <summary>Recent short messages whose NLU analysis is reused (0: none); see <c>AuroraBots.Nlu.NluOptions.AnalysisCacheSize</c>.</summary>
    public int NluAnalysisCacheSize { get; set; } = 4096;

    /// <summary>Watch the bots content folder and reload on change (keeping the last valid content on errors).</summary>
    public bool HotReload { get; set; } = true;

    /// <summary>
    /// Validate already in <c>AddAuroraDialogs</c> (all but the action checks, which need the plugins); the full
    /// check runs when the content is first used (at host start-up). Tools that want the complete list at once turn this off.
    /// </summary>
    public bool ValidateOnRegistration { get; set; } = true;

    /// <summary>Safety net against flows that loop without waiting for the user.</summary>
    public int MaxStepsPerTurn { get; set; } = 200;

    /// <summary>Size, depth, alias and node limits for every YAML file read (content, drafts, transcript tests).</summary>
    public YamlLimits Yaml { get; set; } = new();
}

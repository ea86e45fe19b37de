using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// Keys of the texts the engine itself says (apologies, buttons, consent, recommendations). They live in
/// <c>bots/_shared/texts.yaml</c> in fi/sv/en; the validator requires every key there.
/// </summary>
public static class EngineTexts
{
    public const string StateUnavailable = "engine_state_unavailable";
    public const string Error = "engine_error";
    public const string UnknownBot = "engine_unknown_bot";
    public const string InvalidAnswer = "prompt_invalid";
    public const string GaveUp = "prompt_gave_up";
    public const string Yes = "button_yes";
    public const string No = "button_no";
    public const string ScaleHint = "prompt_scale_hint";
    public const string Clarify = "clarify";
    public const string Or = "clarify_or";
    public const string NoAttributes = "attributes_none";
    public const string SourceAsked = "source_asked";
    public const string SourceRecognised = "source_recognised";
    public const string SourceHandoff = "source_handoff";
    public const string SourceSet = "source_set";
    public const string SourceSite = "source_site";
    public const string SourceTest = "source_test";
    public const string ConsentQuestion = "consent_question";
    public const string ConsentAll = "consent_all";
    public const string ConsentChoose = "consent_choose";
    public const string ConsentNone = "consent_none";
    public const string ConsentPick = "consent_pick";
    public const string ConsentStayQuestion = "consent_stay_question";
    public const string ConsentContinue = "consent_continue";
    public const string ConsentStay = "consent_stay";
    public const string ConsentStayed = "consent_stayed";
    public const string HandoffDone = "handoff_done";
    public const string ConsentRevokedRemoved = "consent_revoked_removed";
    public const string HandoffUnavailable = "handoff_unavailable";
    public const string HandoffFailed = "handoff_failed";
    public const string HandedBack = "handoff_back";
    public const string NoPreviousBot = "handoff_no_previous";
    public const string RecommendIntro = "recommend_intro";
    public const string RecommendNone = "recommend_none";
    public const string RecommendUnavailable = "recommend_unavailable";
    public const string RecommendNoMeters = "recommend_no_meters";
    public const string RecommendNoMore = "recommend_no_more";
    public const string RecommendOpen = "recommend_open";
    public const string RecommendCall = "recommend_call";
    public const string RecommendDetails = "recommend_details";
    public const string RecommendMore = "recommend_more";
    public const string RecommendUseful = "recommend_useful";
    public const string RecommendNotUseful = "recommend_not_useful";
    public const string RecommendNationwide = "recommend_nationwide";
    public const string RecommendRegional = "recommend_regional";
    public const string RecommendInFinnish = "recommend_in_finnish";
    public const string RecommendNoLocal = "recommend_no_local";
    public const string DetailsAddress = "details_address";
    public const string DetailsHours = "details_hours";
    public const string DetailsPhone = "details_phone";
    public const string DetailsNone = "details_none";
    public const string FeedbackThanks = "service_feedback_thanks";
    public const string FeedbackFailed = "service_feedback_failed";
    public const string ActionFailed = "action_failed";
    public const string LanguageSwitched = "language_switched";
    public const string FlowChanged = "engine_flow_changed";

    /// <summary>Every key the engine may look up; the validator requires each in the shared texts.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StateUnavailable, Error, UnknownBot, InvalidAnswer, GaveUp, Yes, No, ScaleHint, Clarify, Or, NoAttributes,
        SourceAsked, SourceRecognised, SourceHandoff, SourceSet, SourceSite, SourceTest,
        ConsentQuestion, ConsentAll, ConsentChoose, ConsentNone, ConsentPick, ConsentStayQuestion, ConsentContinue, ConsentStay, ConsentStayed,
        HandoffDone, ConsentRevokedRemoved, HandoffUnavailable, HandoffFailed, HandedBack, NoPreviousBot,
        RecommendIntro, RecommendNone, RecommendUnavailable, RecommendNoMeters, RecommendNoMore, RecommendOpen, RecommendCall,
        RecommendDetails, RecommendMore, RecommendUseful, RecommendNotUseful, RecommendNationwide, RecommendRegional,
        RecommendInFinnish, RecommendNoLocal, DetailsAddress, DetailsHours, DetailsPhone, DetailsNone, FeedbackThanks, FeedbackFailed, ActionFailed, LanguageSwitched, FlowChanged,
        .. AttributeSchema.All.Select(AttributeLabelKey),
        .. LiveChat.LiveChatTexts.All,
    ];

    /// <summary>Text key of an attribute's display name: <c>attr_age</c>, <c>attr_life_situation_meters_friends</c>.</summary>
    public static string AttributeLabelKey(string attribute) => "attr_" + attribute.Replace('.', '_');

    /// <summary>Last resort when even the shared texts lack a key (never for valid content).</summary>
    public static string Missing(string key) => key switch
    {
        StateUnavailable => "Sorry, I cannot remember our conversation right now. Please try again in a moment.",
        Error => "Sorry, something went wrong. Please try again.",
        _ => key,
    };
}

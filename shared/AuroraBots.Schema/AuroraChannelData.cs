using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuroraBots.Schema;

/// <summary>
/// <c>channelData.aurora</c> on every bot activity: which bot, flow and step produced it and in which
/// language. The editor's preview and the transcript tests read it; <see cref="Handoff"/> is set on the
/// activities of a hand-off consent step.
/// </summary>
public sealed record AuroraChannelData(string Bot, string? Flow, string? Step, string Locale)
{
    public HandoffOffer? Handoff { get; init; }

    /// <summary>Set on the safety layer's crisis reply: the crisis category (self_harm, violence, sexual_abuse, emergency).</summary>
    public string? Safety { get; init; }

    /// <summary>True when the text repeats an attribute value the user did not type (transcript downloads omit it).</summary>
    public bool? UntypedAttributes { get; init; }

    /// <summary>On a human agent's messages in a live chat: who wrote it (display name) and in which role.</summary>
    public AgentInfo? Agent { get; init; }

    public const string Key = "aurora";

    /// <summary>Reads <c>channelData.aurora</c> from an activity, or null when absent or malformed.</summary>
    public static AuroraChannelData? From(Activity activity)
    {
        if (activity.ChannelData is not JsonObject data || data[Key] is not JsonObject aurora) return null;
        try { return aurora.Deserialize(SchemaJsonContext.Default.AuroraChannelData); }
        catch (JsonException) { return null; }
    }

    /// <summary>Writes this record as <c>channelData.aurora</c>, keeping any other channelData keys.</summary>
    public void ApplyTo(Activity activity)
    {
        var data = activity.ChannelData as JsonObject ?? new JsonObject();
        data[Key] = JsonSerializer.SerializeToNode(this, SchemaJsonContext.Default.AuroraChannelData);
        activity.ChannelData = data;
    }
}

/// <summary><c>channelData.aurora.handoff</c>: the proposed target bot and the attribute names offered to it.</summary>
public sealed record HandoffOffer(string Target, IReadOnlyList<string> Offered);

/// <summary><c>channelData.aurora.agent</c>: the person of the organisation writing in a live chat.</summary>
/// <param name="Role">Always <c>agent</c> for the built-in console (an external hub may name its own roles).</param>
public sealed record AgentInfo(string Name, string Role);

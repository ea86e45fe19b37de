using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Transcripts;

/// <summary>A transcript test file (<c>bots/&lt;bot&gt;/tests/*.yaml</c>); format in docs/transcript-tests.md.</summary>
public sealed class TranscriptTest
{
    public string? Name { get; set; }
    public List<string>? Languages { get; set; }
    public string? Bot { get; set; }
    public TranscriptSetup? Setup { get; set; }
    public List<TranscriptTurn> Turns { get; set; } = [];
}

public sealed class TranscriptSetup
{
    public Dictionary<string, string> Attributes { get; set; } = [];
}

public sealed class TranscriptTurn
{
    public bool? Join { get; set; }
    public LocalizedText? User { get; set; }
    /// <summary>A string (sent as text) or a map (sent as value), with <c>channelData.postBack</c>.</summary>
    public object? Postback { get; set; }
    public TranscriptEvent? Event { get; set; }
    public List<ReplyExpectation>? Bot { get; set; }
    public bool? NoReply { get; set; }
    public StateExpectation? State { get; set; }
}

public sealed class TranscriptEvent
{
    public string? Name { get; set; }
    public Dictionary<string, object?>? Value { get; set; }
}

public sealed class ReplyExpectation
{
    public LocalizedText? Text { get; set; }
    public LocalizedText? Contains { get; set; }
    public LocalizedText? Matches { get; set; }
    /// <summary>A number (at least N cards) or a list of texts the card titles contain.</summary>
    public object? Cards { get; set; }
    public List<LocalizedText>? Suggested { get; set; }
    public HandoffExpectation? Handoff { get; set; }
    public string? From { get; set; }
}

public sealed class HandoffExpectation
{
    public string? Target { get; set; }
    public List<string>? Offered { get; set; }
}

public sealed class StateExpectation
{
    public string? ActiveBot { get; set; }
    public string? Flow { get; set; }
    public string? Step { get; set; }
    /// <summary>True when the YAML wrote <c>step: null</c> (nothing may be running).</summary>
    public bool? Idle { get; set; }
    public Dictionary<string, string?>? Attributes { get; set; }
    public Dictionary<string, string?>? Variables { get; set; }
    public string? Language { get; set; }
}

namespace AuroraBots.Dialogs.Transcripts;

/// <summary>One run of one transcript file in one language.</summary>
public sealed record TranscriptResult(string File, string Language, string Name, bool Passed, string? Failure)
{
    /// <summary>The index of the failing turn (null when the test passed or failed before any turn ran).</summary>
    public int? Turn { get; init; }

    /// <summary>What the failing turn expected, one line per expectation (for side-by-side diffs in tools).</summary>
    public IReadOnlyList<string>? Expected { get; init; }

    /// <summary>What the bot actually did in the failing turn: one line per reply, then the conversation state.</summary>
    public IReadOnlyList<string>? Actual { get; init; }

    public override string ToString() => Passed ? $"PASS {File} [{Language}] {Name}" : $"FAIL {File} [{Language}] {Name}{Environment.NewLine}{Failure}";
}

/// <summary>A (file, language) pair to run, for test enumeration.</summary>
public sealed record TranscriptCase(string File, string RelativeFile, string Bot, string Language, TranscriptTest Test)
{
    public override string ToString() => $"{RelativeFile} [{Language}]";
}

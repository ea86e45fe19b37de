using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor;

/// <summary>The body of a refusal that needs only a sentence: <c>{message}</c>.</summary>
public sealed record EditorMessageResponse(string Message);

/// <summary>A validation problem as the API returns it (file relative to the bots content folder, YAML path, message).</summary>
public sealed record ValidationProblem(string File, string Path, string Message);

public sealed record ValidationReport(bool IsValid, IReadOnlyList<ValidationProblem> Errors);

public enum PublishOutcome { Published, Invalid, TestsFailed, DraftChanged, NotFound, LiveWriteFailed }

public sealed record PublishResult(PublishOutcome Outcome, VersionInfo? Version, IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<string> ChangedFiles)
{
    /// <summary>The transcript tests that failed on the content to publish (<see cref="PublishOutcome.TestsFailed"/>).</summary>
    public IReadOnlyList<Transcripts.TranscriptRunItem> TestFailures { get; init; } = [];
}

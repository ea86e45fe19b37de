using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor;

/// <summary>
/// The body of a refusal that needs only a sentence: <c>{message, code}</c>; the message in the editor UI's language
/// (Localisation/EditorText), the code machine-readable.
/// </summary>
public sealed record EditorMessageResponse(string Message, string? Code = null);

/// <summary>
/// A validation problem as the API returns it (file relative to the bots content folder, YAML path, message; the
/// message in the UI's language, its code <c>validation.&lt;code&gt;</c> and the code's parameters).
/// </summary>
public sealed record ValidationProblem(string File, string Path, string Message)
{
    public string? Code { get; init; }

    public IReadOnlyDictionary<string, string>? Args { get; init; }

    /// <summary>A problem the editor itself finds, with a code of messages.json's <c>validation</c> table.</summary>
    public static ValidationProblem Of(string file, string path, string code, IReadOnlyDictionary<string, string> args, string english) =>
        new(file, path, english) { Code = "validation." + code, Args = args };

    /// <summary>The dialog core's problem, its file made relative by the caller.</summary>
    public static ValidationProblem From(string file, Dialogs.Content.ContentError error) =>
        error.Code is { } code ? Of(file, error.Path, code, error.Args, error.Message) : new(file, error.Path, error.Message);
}

public sealed record ValidationReport(bool IsValid, IReadOnlyList<ValidationProblem> Errors);

public enum PublishOutcome { Published, Invalid, TestsFailed, DraftChanged, NotFound, LiveWriteFailed }

public sealed record PublishResult(PublishOutcome Outcome, VersionInfo? Version, IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<string> ChangedFiles)
{
    /// <summary>The transcript tests that failed on the content to publish (<see cref="PublishOutcome.TestsFailed"/>).</summary>
    public IReadOnlyList<Transcripts.TranscriptRunItem> TestFailures { get; init; } = [];
}

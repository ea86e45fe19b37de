namespace AuroraBots.Dialogs.Content;

/// <summary>One problem in the content: <c>youth/checkin.yaml: steps[3].choices[1].next: unknown step 'result'</c>.</summary>
public sealed record ContentError(string File, string Path, string Message)
{
    /// <summary>The problem's stable code (<see cref="ContentProblems.Templates"/>); null only for errors made outside the loader and validator.</summary>
    public string? Code { get; init; }

    /// <summary>The parameters of <see cref="Code"/>'s text.</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = EmptyArgs;

    private static readonly IReadOnlyDictionary<string, string> EmptyArgs = new Dictionary<string, string>();

    public static ContentError Of(string file, string path, ContentProblem problem) =>
        new(file, path, problem.Message) { Code = problem.Code, Args = problem.Args };

    public static ContentError Of(string file, string path, string code, params (string Name, object? Value)[] args) =>
        Of(file, path, ContentProblem.Of(code, args));

    public override string ToString() => string.IsNullOrEmpty(Path) ? $"{File}: {Message}" : $"{File}: {Path}: {Message}";
}

/// <summary>Thrown when content is invalid (host start-up, CLI); the message lists every error.</summary>
public sealed class InvalidDialogContentException(IReadOnlyList<ContentError> errors)
    : Exception($"The dialog content is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}

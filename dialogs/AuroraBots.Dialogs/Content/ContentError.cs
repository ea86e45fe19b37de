namespace AuroraBots.Dialogs.Content;

/// <summary>One problem in the content: <c>youth/checkin.yaml: steps[3].choices[1].next: unknown step 'result'</c>.</summary>
public sealed record ContentError(string File, string Path, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Path) ? $"{File}: {Message}" : $"{File}: {Path}: {Message}";
}

/// <summary>Thrown when content is invalid (host start-up, CLI); the message lists every error.</summary>
public sealed class InvalidDialogContentException(IReadOnlyList<ContentError> errors)
    : Exception($"The dialog content is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}

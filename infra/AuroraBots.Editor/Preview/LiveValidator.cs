using System.Text.RegularExpressions;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Storage;
using YamlDotNet.Core;

namespace AuroraBots.Editor.Preview;

/// <summary>
/// Validates the whole draft as it would be with one file replaced by unsaved text — with the engine's own loader and
/// FluentValidation rules — without saving anything (validated in a <see cref="SnapshotFolder"/>).
/// </summary>
public sealed partial class LiveValidator(IEditorStore store, IDialogContent dialogs)
{
    public async Task<ValidationReport> ValidateAsync(string path, string content, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(await store.ReadDraftFilesAsync(cancellationToken), StringComparer.Ordinal) { [path] = content };
        using var snapshot = await SnapshotFolder.WriteAsync(files, cancellationToken);
        var result = dialogs.LoadFrom(snapshot.Path, cancellationToken);
        var errors = result.Errors.Select(e => Problem(snapshot.Path, e)).ToList();
        // The loader only lists transcript tests; the editor also checks that the edited one parses.
        if (IsTranscriptTest(path) && TranscriptSyntaxError(path, content, cancellationToken) is { } testError) errors.Add(testError);
        return new ValidationReport(errors.Count == 0, errors);
    }

    public static bool IsTranscriptTest(string path) => TestPath().IsMatch(path);

    private static ValidationProblem? TranscriptSyntaxError(string path, string content, CancellationToken cancellationToken)
    {
        try
        {
            return TranscriptRunner.Parse(content, cancellationToken: cancellationToken) is null ? ValidationProblem.From(path, ContentError.Of(path, "", "fileEmpty")) : null;
        }
        catch (YamlException ex)
        {
            return EditorProblems.Make(path, "", "yamlSyntaxAt", ("line", ex.Start.Line), ("column", ex.Start.Column), ("detail", SafeYaml.Describe(ex)));
        }
    }

    /// <summary>A YAML syntax error carries its position in the path (<c>line 3, column 5</c>); the API puts it into the message instead.</summary>
    private static ValidationProblem Problem(string root, ContentError error)
    {
        var file = Path.IsPathRooted(error.File) ? Path.GetRelativePath(root, error.File).Replace(Path.DirectorySeparatorChar, '/') : error.File.Replace('\\', '/');
        return LinePosition().IsMatch(error.Path)
            ? error.Code == "yamlSyntax"
                ? EditorProblems.Make(file, "", "yamlSyntaxAt", [.. error.Args.Select(a => (a.Key, (object?)a.Value))])
                : new ValidationProblem(file, "", $"{error.Path}: {error.Message}")
            : ValidationProblem.From(file, error);
    }

    [GeneratedRegex(@"^line \d+, column \d+$")]
    private static partial Regex LinePosition();

    [GeneratedRegex(@"^[^/]+/tests/[^/]+\.yaml$")]
    private static partial Regex TestPath();
}

using System.Globalization;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Editor.Localisation;

/// <summary>Problems the editor finds itself (not the dialog core): codes of messages.json's <c>validation</c> table, English text from there.</summary>
public static class EditorProblems
{
    public static ValidationProblem Make(string file, string path, string code, params (string Name, object? Value)[] args)
    {
        var values = args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
        return ValidationProblem.Of(file, path, code, values, ContentProblems.Fill(EditorText.ValidationTemplate(code, EditorText.Fallback), values));
    }
}

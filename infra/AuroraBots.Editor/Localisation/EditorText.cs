using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AuroraBots.Editor.Localisation;

/// <summary>
/// The editor server's messages in the editor UI's language (<c>Localisation/messages.json</c>): refusals keep a
/// machine-readable <c>code</c> and say it in fi, sv or en; the dialog core's validation problems come with a stable
/// code and parameters (<c>ContentProblems</c>) and are said from the <c>validation</c> table. The language is the request's explicit
/// <c>lang</c> parameter, else its <c>Accept-Language</c>, else English.
/// </summary>
public static class EditorText
{
    public const string Fallback = "en";
    // The languages of the editor's OWN UI text table (messages.json), not the languages bots speak (those are the
    // platform's Languages): the editor can only be shown in languages someone translated its table into.
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "en"];

    private static readonly Lazy<(Dictionary<string, Dictionary<string, string>> Messages, Dictionary<string, Dictionary<string, string>> Validation)> table = new(Load);

    /// <summary>Every message code with its texts by language.</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, string>> Messages => table.Value.Messages;

    /// <summary>The UI language of this request.</summary>
    public static string LanguageOf(HttpRequest request)
    {
        if (request.Query["lang"].ToString() is { Length: > 0 } explicitLanguage && Languages.Contains(explicitLanguage)) return explicitLanguage;
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var entry in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            var primary = entry.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (primary is not null && Languages.Contains(primary)) return primary;
        }
        return Fallback;
    }

    /// <summary>The message <paramref name="code"/> in <paramref name="language"/>, placeholders filled.</summary>
    public static string Say(string code, string language, params (string Name, object? Value)[] values)
    {
        if (!Messages.TryGetValue(code, out var texts)) throw new ArgumentException($"No editor message '{code}'.", nameof(code));
        var text = texts.GetValueOrDefault(language) ?? texts[Fallback];
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        return text;
    }

    public static string Say(HttpRequest request, string code, params (string Name, object? Value)[] values) =>
        Say(code, LanguageOf(request), values);

    /// <summary>The template of validation code <paramref name="code"/> (without the <c>validation.</c> prefix) in <paramref name="language"/>.</summary>
    public static string ValidationTemplate(string code, string language) =>
        table.Value.Validation.TryGetValue(code, out var texts)
            ? texts.GetValueOrDefault(language) ?? texts[Fallback]
            : throw new ArgumentException($"No validation text '{code}'.", nameof(code));

    /// <summary>Every validation code with its templates by language.</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, string>> ValidationTexts => table.Value.Validation;

    /// <summary>A validation report with every text in <paramref name="language"/>.</summary>
    public static ValidationReport Localise(ValidationReport report, string language) =>
        report with { Errors = Localise(report.Errors, language) };

    public static IReadOnlyList<ValidationProblem> Localise(IReadOnlyList<ValidationProblem> problems, string language) =>
        [.. problems.Select(e => Localise(e, language))];

    /// <summary>
    /// The problem said in <paramref name="language"/> from its code and parameters; a problem without a known code
    /// (none should exist: EditorTextTests) keeps its English text under the code <c>validation</c>.
    /// </summary>
    public static ValidationProblem Localise(ValidationProblem problem, string language)
    {
        if (problem.Code is not { } code || !code.StartsWith("validation.", StringComparison.Ordinal)
            || !table.Value.Validation.ContainsKey(code["validation.".Length..]))
            return problem with { Code = "validation" };
        var args = problem.Args ?? new Dictionary<string, string>();
        return problem with { Message = ContentProblems.Fill(ValidationTemplate(code["validation.".Length..], language), args) };
    }

    private static (Dictionary<string, Dictionary<string, string>>, Dictionary<string, Dictionary<string, string>>) Load()
    {
        using var stream = typeof(EditorText).Assembly.GetManifestResourceStream("AuroraBots.Editor.Localisation.messages.json")
            ?? throw new InvalidOperationException("messages.json is not embedded in the editor assembly.");
        var root = JsonNode.Parse(stream)!;
        return (Table(root["messages"]!), Table(root["validation"]!));

        static Dictionary<string, Dictionary<string, string>> Table(JsonNode node) => node.AsObject().ToDictionary(
            m => m.Key, m => m.Value!.AsObject().ToDictionary(l => l.Key, l => l.Value!.GetValue<string>()), StringComparer.Ordinal);
    }
}

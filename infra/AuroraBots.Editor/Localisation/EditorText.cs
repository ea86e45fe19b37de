using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AuroraBots.Editor.Localisation;

/// <summary>
/// The editor server's messages in the editor UI's language (<c>Localisation/messages.json</c>): refusals keep a
/// machine-readable <c>code</c> and say it in fi, sv or en; the dialog core's validation texts are translated by
/// pattern where a translation exists (the English text otherwise, never lost). The language is the request's explicit
/// <c>lang</c> parameter, else its <c>Accept-Language</c>, else English.
/// </summary>
public static class EditorText
{
    public const string Fallback = "en";
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "en"];

    private sealed record ValidationText(string Code, Regex Pattern, IReadOnlyDictionary<string, string> Templates);

    private static readonly Lazy<(Dictionary<string, Dictionary<string, string>> Messages, List<ValidationText> Validation)> table = new(Load);

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

    /// <summary>A validation text in <paramref name="language"/> with its code (<c>validation</c> when untranslated).</summary>
    public static (string Code, string Message) Validation(string message, string language)
    {
        foreach (var entry in table.Value.Validation)
        {
            var match = entry.Pattern.Match(message);
            if (!match.Success) continue;
            if (!entry.Templates.TryGetValue(language, out var template)) return (entry.Code, message);
            foreach (var group in entry.Pattern.GetGroupNames().Where(g => !int.TryParse(g, out _)))
                template = template.Replace("{" + group + "}", match.Groups[group].Value);
            return (entry.Code, Regex.Replace(template, " {2,}", " "));
        }
        return ("validation", message);
    }

    /// <summary>A validation report with every text in <paramref name="language"/> and each problem's code.</summary>
    public static ValidationReport Localise(ValidationReport report, string language) =>
        report with { Errors = [.. report.Errors.Select(e => Localise(e, language))] };

    public static ValidationProblem Localise(ValidationProblem problem, string language)
    {
        var (code, message) = Validation(problem.Message, language);
        return problem with { Message = message, Code = code };
    }

    private static (Dictionary<string, Dictionary<string, string>>, List<ValidationText>) Load()
    {
        using var stream = typeof(EditorText).Assembly.GetManifestResourceStream("AuroraBots.Editor.Localisation.messages.json")
            ?? throw new InvalidOperationException("messages.json is not embedded in the editor assembly.");
        var root = JsonNode.Parse(stream)!;
        var messages = root["messages"]!.AsObject().ToDictionary(
            m => m.Key, m => m.Value!.AsObject().ToDictionary(l => l.Key, l => l.Value!.GetValue<string>()), StringComparer.Ordinal);
        var validation = root["validation"]!.AsArray().Select(v => new ValidationText(
            v!["code"]!.GetValue<string>(),
            new Regex(v["pattern"]!.GetValue<string>(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)),
            v.AsObject().Where(p => Languages.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()))).ToList();
        return (messages, validation);
    }
}

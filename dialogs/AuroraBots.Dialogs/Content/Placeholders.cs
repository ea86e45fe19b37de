using System.Text;
using System.Text.RegularExpressions;
using AuroraBots.Nlu.Entities;

namespace AuroraBots.Dialogs.Content;

/// <summary><c>{name}</c> / <c>{name:format}</c> placeholders in texts; <c>{{</c> and <c>}}</c> are literal braces.</summary>
public static partial class Placeholders
{
    public const string NameFormat = "name";

    /// <summary>Finnish case forms of a municipality name: in (inessive), from (elative), to (illative); other languages get the name.</summary>
    public static readonly IReadOnlyDictionary<string, FinnishPlaceCases.Case> CaseFormats = new Dictionary<string, FinnishPlaceCases.Case>
    {
        ["name_in"] = FinnishPlaceCases.Case.Inessive,
        ["name_from"] = FinnishPlaceCases.Case.Elative,
        ["name_to"] = FinnishPlaceCases.Case.Illative,
    };

    public static bool IsNameFormat(string format) => format == NameFormat || CaseFormats.ContainsKey(format);

    private static readonly HashSet<string> FixedNames =
    [
        "bot.name", "bot.organisation", "conv.language", "conv.subject", "user.attributes",
        "handoff.target", "handoff.organisation", "handoff.purpose", "handoff.offered", "handoff.removed",
        "bot.intents", "source.bot", "source.receipt", "attribute.name", "attribute.value", "language.name",
        "area.municipality", .. LiveChat.LiveChatTexts.Placeholders,
    ];

    [GeneratedRegex(@"\{\{|\}\}|\{([^{}]*)\}")]
    private static partial Regex Token();

    public sealed record Placeholder(string Name, string? Format);

    public static IEnumerable<Placeholder> Find(string text)
    {
        foreach (Match match in Token().Matches(text))
        {
            if (!match.Groups[1].Success) continue;
            var inner = match.Groups[1].Value.Trim();
            var colon = inner.IndexOf(':');
            yield return colon < 0 ? new(inner, null) : new(inner[..colon], inner[(colon + 1)..]);
        }
    }

    /// <summary>Why a placeholder is not allowed, or null when it is fine.</summary>
    public static string? Check(Placeholder placeholder) => Problem(placeholder)?.Message;

    /// <summary>Why a placeholder is not allowed as a coded problem, or null when it is fine.</summary>
    public static ContentProblem? Problem(Placeholder placeholder)
    {
        var name = placeholder.Name;
        if (placeholder.Format is { } format && (!IsNameFormat(format) || name != "attr." + AttributeSchema.MunicipalityCode))
            return ContentProblem.Of("placeholderFormat", ("format", format));
        if (FixedNames.Contains(name)) return null;
        if (name.StartsWith("attr.", StringComparison.Ordinal))
            return AttributeSchema.IsAttribute(name[5..]) ? null : ContentProblem.Of("notAttribute", ("value", name[5..]));
        if (name.StartsWith("var.", StringComparison.Ordinal) && name.Length > 4) return null;
        return ContentProblem.Of("unknownPlaceholder", ("name", name));
    }

    public static string Render(string text, Func<string, string?, string?> resolve)
    {
        if (text.IndexOf('{') < 0 && text.IndexOf('}') < 0) return text;
        return Token().Replace(text, match =>
        {
            if (match.Value == "{{") return "{";
            if (match.Value == "}}") return "}";
            var inner = match.Groups[1].Value.Trim();
            var colon = inner.IndexOf(':');
            return (colon < 0 ? resolve(inner, null) : resolve(inner[..colon], inner[(colon + 1)..])) ?? "";
        });
    }
}

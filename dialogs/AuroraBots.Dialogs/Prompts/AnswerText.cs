using System.Globalization;
using System.Text.RegularExpressions;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Prompts;

/// <summary>How replies are compared with expected answers: case, punctuation and spacing do not matter.</summary>
internal static partial class AnswerText
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"-?\d+(?:[.,]\d+)?")]
    private static partial Regex NumberPattern();

    public static string Fold(string text) => string.Join(' ', Word().Matches(text.ToLowerInvariant()).Select(m => m.Value));

    public static bool ContainsWord(string haystack, string needle) =>
        needle.Length > 0 && (" " + haystack + " ").Contains(" " + needle + " ", StringComparison.Ordinal);

    /// <summary>The first number written in digits, else one the NLU recognised ("kaksitoista").</summary>
    public static double? FirstNumber(string text, NluResult nlu)
    {
        var match = NumberPattern().Match(text);
        if (match.Success && double.TryParse(match.Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        var entity = nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.Number);
        return entity is not null && double.TryParse(entity.Value, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static bool InRange(double value, double? min, double? max) => (min is null || value >= min) && (max is null || value <= max);

    /// <summary>Whether the reply is one of the shared text's translations (e.g. any language's "yes").</summary>
    public static bool MatchesAny(DialogTurn turn, string text, string key)
    {
        var folded = Fold(text);
        var labels = turn.Content.Shared.Texts.Texts.GetValueOrDefault(key)?.ByLanguage.Values ?? Enumerable.Empty<string>();
        return labels.Any(l => Fold(l) == folded);
    }

    public static string Integer(double value) => ((int)value).ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Frozen;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Entities;

/// <summary>
/// Numbers 0–10 as digits or words in fi/sv/en, incl. Finnish colloquial forms ("kaks", "seiska",
/// "kasi", "kymppi") — the scale of the AuroraAI life-situation meters.
/// </summary>
internal static class NumberRecognizer
{
    // Words that are also something else (Swedish "en"/"ett" are articles, English "one" a pronoun)
    // only count when the utterance is this short.
    private const int MaxTokensForAmbiguousWords = 2;

    private static readonly FrozenDictionary<string, FrozenDictionary<string, int>> s_words =
        new Dictionary<string, FrozenDictionary<string, int>>
        {
            ["fi"] = Words(
                (0, ["nolla"]),
                (1, ["yksi", "yks", "ykkönen", "ykkonen", "ykköstä"]),
                (2, ["kaksi", "kaks", "kakkonen"]),
                (3, ["kolme", "kolmonen"]),
                (4, ["neljä", "nelja", "nelonen"]),
                (5, ["viisi", "viis", "vitonen"]),
                (6, ["kuusi", "kuus", "kutonen"]),
                (7, ["seitsemän", "seitseman", "seittemän", "seitteman", "seiska"]),
                (8, ["kahdeksan", "kaheksan", "kasi"]),
                (9, ["yhdeksän", "yhdeksan", "yheksän", "yheksan", "ysi"]),
                (10, ["kymmenen", "kymppi"])),
            ["sv"] = Words(
                (0, ["noll"]),
                (1, ["en", "ett", "etta"]),
                (2, ["två", "tva", "tvåa"]),
                (3, ["tre", "trea"]),
                (4, ["fyra", "fyran"]),
                (5, ["fem", "femma"]),
                (6, ["sex", "sexa"]),
                (7, ["sju", "sjua"]),
                (8, ["åtta", "atta"]),
                (9, ["nio", "nia"]),
                (10, ["tio", "tia"])),
            ["en"] = Words(
                (0, ["zero", "nil", "nought"]),
                (1, ["one"]),
                (2, ["two"]),
                (3, ["three"]),
                (4, ["four"]),
                (5, ["five"]),
                (6, ["six"]),
                (7, ["seven"]),
                (8, ["eight"]),
                (9, ["nine"]),
                (10, ["ten"])),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_ambiguous = new[] { "en", "ett", "one" }.ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<EntityMatch> Find(string text, IReadOnlyList<Token> tokens, string language)
    {
        var words = s_words.GetValueOrDefault(language) ?? s_words["fi"];
        foreach (var token in tokens)
        {
            int? value = null;
            if (token.IsNumber)
            {
                // "040" is the start of a phone number, not a zero-to-ten answer.
                if (int.TryParse(token.Folded, out var n) && n <= 10 && (token.Folded.Length == 1 || token.Folded[0] != '0')
                    && !IsPartOfLargerNumber(text, token))
                {
                    value = n;
                }
            }
            else if (words.TryGetValue(token.Text.ToLowerInvariant(), out var w)
                && (!s_ambiguous.Contains(token.Text.ToLowerInvariant()) || tokens.Count <= MaxTokensForAmbiguousWords))
            {
                value = w;
            }
            if (value is { } v)
            {
                yield return new EntityMatch(EntityTypes.Number, v.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    token.Start, token.Length, token.Text);
            }
        }
    }

    // "3.5", "1,5", "10:30", "7/2024" are other quantities; their digit groups are not 0–10 answers.
    private static bool IsPartOfLargerNumber(string text, Token token)
    {
        static bool IsSeparator(char c) => c is '.' or ',' or ':' or '/';
        var before = token.Start >= 2 && IsSeparator(text[token.Start - 1]) && char.IsAsciiDigit(text[token.Start - 2]);
        var after = token.End + 1 < text.Length && IsSeparator(text[token.End]) && char.IsAsciiDigit(text[token.End + 1]);
        return before || after;
    }

    private static FrozenDictionary<string, int> Words(params (int Value, string[] Forms)[] entries) =>
        entries.SelectMany(e => e.Forms.Select(f => (f, e.Value)))
            .DistinctBy(x => x.f)
            .ToFrozenDictionary(x => x.f, x => x.Value, StringComparer.Ordinal);
}

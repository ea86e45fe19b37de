using System.Collections.Frozen;

namespace AuroraBots.Nlu.Entities;

/// <summary>Ages 10–29 written as words in fi/sv/en ("seitsemäntoista", "sjutton", "seventeen"), incl. Finnish colloquial forms.</summary>
internal static class AgeWords
{
    public static readonly FrozenDictionary<string, int> Values = Build().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A regex alternation of every word, longest first (so "kaksikymmentäyksi" wins over "kaksikymmentä").</summary>
    public static readonly string Pattern = string.Join('|', Values.Keys.OrderByDescending(k => k.Length).Select(System.Text.RegularExpressions.Regex.Escape));

    private static IEnumerable<KeyValuePair<string, int>> Build()
    {
        string[] fiUnits = ["", "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän"];
        string[] fiColloquialTeens = ["", "ykstoista", "kakstoista", "kolmetoist", "neljätoist", "viistoista", "kuustoista", "seittemäntoista", "kaheksantoista", "yheksäntoista"];
        string[] svTeens = ["tio", "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton"];
        string[] svUnits = ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"];
        string[] enTeens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] enUnits = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["kymmenen"] = 10, ["kaksikymmentä"] = 20, ["kakskyt"] = 20 };
        for (var unit = 1; unit <= 9; unit++)
        {
            words[fiUnits[unit] + "toista"] = 10 + unit;
            words[fiColloquialTeens[unit]] = 10 + unit;
            words["kaksikymmentä" + fiUnits[unit]] = 20 + unit;
            words["tjugo" + svUnits[unit]] = 20 + unit;
            words["twenty-" + enUnits[unit]] = 20 + unit;
            words["twenty " + enUnits[unit]] = 20 + unit;
        }
        for (var i = 0; i <= 9; i++)
        {
            words[svTeens[i]] = 10 + i;
            words[enTeens[i]] = 10 + i;
        }
        words["tjugo"] = 20;
        words["twenty"] = 20;
        // Typed without diacritics: "seitsemantoista", "tjugotva".
        foreach (var (word, value) in words.ToList())
        {
            words.TryAdd(Text.TextFolding.Fold(word), value);
        }
        return words;
    }
}

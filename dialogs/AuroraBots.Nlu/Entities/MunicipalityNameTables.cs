namespace AuroraBots.Nlu.Entities;

/// <summary>Hand-kept additions to the generated name forms: irregular inflection, aliases, collisions.</summary>
internal static class MunicipalityNameTables
{
    /// <summary>Finnish forms the suffix rules cannot produce (both parts inflect, plural names, -in stems).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FinnishIrregularForms = new Dictionary<string, string[]>
    {
        ["895"] = ["uudessakaupungissa", "uudestakaupungista", "uuteenkaupunkiin", "uudenkaupungin",
                   "uudessa kaupungissa", "uudesta kaupungista", "uuteen kaupunkiin", "uudenkaupungille"],
        ["893"] = ["uudessakaarlepyyssa", "uudestakaarlepyysta", "uuteenkaarlepyyhyn", "uudenkaarlepyyn"],
        ["936"] = ["virroilla", "virroissa", "virroista", "virroilta", "virroille", "virtoihin", "virtain", "virtojen"],
        ["619"] = ["punkalaitumella", "punkalaitumelta", "punkalaitumelle", "punkalaitumen", "punkalaitumessa",
                   "punkalaitumeen"],
    };

    /// <summary>Extra names that inflect like Finnish words: short official forms and well-known nicknames.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FinnishAliases = new Dictionary<string, string[]>
    {
        ["091"] = ["stadi", "hesa"],
        ["837"] = ["manse"],
        ["599"] = ["pedersöre"],
        ["478"] = ["maarianhamina"],
    };

    /// <summary>Extra Swedish names (the code list has one per municipality).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SwedishAliases = new Dictionary<string, string[]>
    {
        ["491"] = ["sankt michel"],
    };

    /// <summary>
    /// Folded forms that are everyday words in that language; they only match when typed with their
    /// diacritics (Storå, Ingå) or never (Finnish "vasa" is a calf).
    /// </summary>
    public static readonly IReadOnlySet<string> SwedishFoldedCollisions = new HashSet<string>(StringComparer.Ordinal)
    {
        "stora", "inga", "storas", "ingas",
    };

    /// <summary>Generated Finnish forms that are far more often another word (Pello's "pellolla" is "on the field").</summary>
    public static readonly IReadOnlySet<string> FinnishBlockedForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "pellolla", "pellolta", "pellolle",
    };

    public static readonly IReadOnlySet<string> FinnishBlockedForeignNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "vasa",
    };
}

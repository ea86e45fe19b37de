using System.Collections.Frozen;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Entities;

/// <summary>
/// Finds municipality names in an utterance and maps them to their 3-digit codes. Matching is by whole
/// words (so "koulu" never yields Oulu), longest name first, on diacritic-folded text, with one typo
/// tolerated on long names. Finnish text matches every case form of the Finnish names plus the Swedish
/// and English names; Swedish and English text match the names as written (and the Swedish genitive).
/// </summary>
internal sealed class MunicipalityGazetteer
{
    private const int MaxNameTokens = 3;
    private const int MinFuzzyNameLength = 6;
    private const int MinFuzzyTokenLength = 7;

    private static readonly Lazy<MunicipalityGazetteer> s_shared = new(() => new MunicipalityGazetteer(MunicipalityCatalog.Load()));

    private readonly FrozenDictionary<string, FrozenDictionary<string, NameForm>> _formsByLanguage;
    private readonly FrozenSet<string> _placeNames;
    private readonly FrozenDictionary<string, FrozenDictionary<string, NameForm[]>> _fuzzyIndexByLanguage;

    public MunicipalityGazetteer(IReadOnlyList<Municipality> municipalities)
    {
        Municipalities = municipalities.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
        _placeNames = municipalities
            .SelectMany(m => FinnishNames(m).Concat(SwedishNames(m)).Concat(SplitDualName(m.NameEn)))
            .Select(n => n.ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);
        var fi = new Dictionary<string, NameForm>(StringComparer.Ordinal);
        var sv = new Dictionary<string, NameForm>(StringComparer.Ordinal);
        var en = new Dictionary<string, NameForm>(StringComparer.Ordinal);

        foreach (var m in municipalities)
        {
            foreach (var name in FinnishNames(m))
            {
                var folded = TextFolding.Fold(name);
                if (folded.Contains(' ', StringComparison.Ordinal))
                {
                    Add(fi, folded, m.Code, name, isBase: true); // multi-word names are matched as written
                    continue;
                }
                foreach (var form in FinnishInflection.Forms(folded).Where(f => !MunicipalityNameTables.FinnishBlockedForms.Contains(f)))
                {
                    Add(fi, form, m.Code, name, isBase: form == folded);
                }
            }
            foreach (var form in MunicipalityNameTables.FinnishIrregularForms.GetValueOrDefault(m.Code, []))
            {
                Add(fi, form, m.Code, m.NameFi, isBase: false);
            }

            foreach (var name in SwedishNames(m))
            {
                var folded = TextFolding.Fold(name);
                var exact = MunicipalityNameTables.SwedishFoldedCollisions.Contains(folded) ? name.ToLowerInvariant() : null;
                Add(sv, folded, m.Code, name, isBase: true, exact);
                if (!folded.EndsWith('s'))
                {
                    Add(sv, folded + "s", m.Code, name, isBase: false, exact is null ? null : exact + "s");
                }
                if (!MunicipalityNameTables.FinnishBlockedForeignNames.Contains(folded))
                {
                    Add(fi, folded, m.Code, name, isBase: true, exact);
                }
                Add(en, folded, m.Code, name, isBase: true, exact);
            }

            foreach (var name in new[] { m.NameFi, m.NameEn }.SelectMany(SplitDualName).Distinct(StringComparer.Ordinal))
            {
                var folded = TextFolding.Fold(name);
                Add(sv, folded, m.Code, name, isBase: true);
                Add(en, folded, m.Code, name, isBase: true);
            }
        }

        _formsByLanguage = new Dictionary<string, FrozenDictionary<string, NameForm>>
        {
            ["fi"] = fi.ToFrozenDictionary(StringComparer.Ordinal),
            ["sv"] = sv.ToFrozenDictionary(StringComparer.Ordinal),
            ["en"] = en.ToFrozenDictionary(StringComparer.Ordinal),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        _fuzzyIndexByLanguage = _formsByLanguage.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.Values
                .Where(f => f.NameLength >= MinFuzzyNameLength && f.Exact is null && !f.Form.Contains(' ', StringComparison.Ordinal))
                .GroupBy(f => f.Form[..2], StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public static MunicipalityGazetteer Shared => s_shared.Value;

    public FrozenDictionary<string, Municipality> Municipalities { get; }

    /// <summary>True for a municipality name as written in its nominative (lower case), e.g. "tampere", "åbo".</summary>
    public bool IsPlaceName(string lowerCaseWord) => _placeNames.Contains(lowerCaseWord);

    public IEnumerable<EntityMatch> Find(string text, IReadOnlyList<Token> tokens, string language)
    {
        var forms = _formsByLanguage.GetValueOrDefault(language) ?? _formsByLanguage["fi"];
        var fuzzy = _fuzzyIndexByLanguage.GetValueOrDefault(language) ?? _fuzzyIndexByLanguage["fi"];
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            for (var n = Math.Min(MaxNameTokens, tokens.Count - i); n >= 1 && matched == 0; n--)
            {
                var span = tokens.Skip(i).Take(n).ToList();
                var key = string.Join(' ', span.Select(t => StripPossessive(t.Folded)));
                if (forms.TryGetValue(key, out var form) && MatchesExactly(form, span) && DiacriticsAgree(span, form.Name))
                {
                    matched = n;
                    yield return Match(text, span, form.Code);
                }
            }
            if (matched == 0 && language == "fi" && WithoutClitic(tokens[i].Folded) is { } bare
                && forms.TryGetValue(bare, out var cliticForm) && cliticForm.Exact is null && DiacriticsAgree([tokens[i]], cliticForm.Name))
            {
                matched = 1; // Oulussakin, Tampereeltako, Helsingissähän
                yield return Match(text, [tokens[i]], cliticForm.Code);
            }
            if (matched == 0 && FuzzyLookup(fuzzy, tokens[i].Folded) is { } code)
            {
                matched = 1;
                yield return Match(text, [tokens[i]], code);
            }
            i += Math.Max(1, matched);
        }
    }

    private static EntityMatch Match(string text, IReadOnlyList<Token> span, string code)
    {
        var start = span[0].Start;
        var length = span[^1].End - start;
        return new EntityMatch(EntityTypes.Municipality, code, start, length, text.Substring(start, length));
    }

    private static bool MatchesExactly(NameForm form, IReadOnlyList<Token> span) =>
        form.Exact is null
        || string.Join(' ', span.Select(t => t.Text.ToLowerInvariant())).StartsWith(form.Exact, StringComparison.Ordinal);

    /// <summary>
    /// Folding lets "Jyvaskylassa" match, but a letter the user did type with dots must agree with the name:
    /// "lähden" (I leave) folds to "lahden" yet is not Lahti's "Lahden". Only the stem is compared — the
    /// ending follows vowel harmony.
    /// </summary>
    private static bool DiacriticsAgree(IReadOnlyList<Token> span, string name)
    {
        var written = string.Join(' ', span.Select(t => t.Text.ToLowerInvariant()));
        for (var i = 0; i < Math.Min(written.Length, name.Length); i++)
        {
            var (w, n) = (written[i], name[i]);
            if (TextFolding.FoldChar(w) != TextFolding.FoldChar(n))
            {
                break;
            }
            var typedDiacritic = TextFolding.FoldChar(w) != w;
            if (w != n && typedDiacritic)
            {
                return false;
            }
        }
        return true;
    }

    // One edit (insert, delete, substitute or swap) on a long word, never in its first two letters.
    private static string? FuzzyLookup(FrozenDictionary<string, NameForm[]> index, string token)
    {
        if (token.Length < MinFuzzyTokenLength || !token.All(char.IsLetter) || !index.TryGetValue(token[..2], out var candidates))
        {
            return null;
        }
        var codes = candidates
            .Where(c => Math.Abs(c.Form.Length - token.Length) <= 1 && EditDistance.AtMostOne(token, c.Form))
            .Select(c => c.Code)
            .Distinct(StringComparer.Ordinal)
            .Take(2)
            .ToList();
        return codes.Count == 1 ? codes[0] : null; // ambiguous typo: better no match than a wrong town
    }

    // Finnish enclitic particles (-kin "too", -kaan "either", -ko question, -han/-pa emphasis), folded.
    private static readonly string[] s_clitics = ["kaan", "kin", "han", "ko", "pa"];

    private static string? WithoutClitic(string folded)
    {
        foreach (var clitic in s_clitics)
        {
            if (folded.Length > clitic.Length + 4 && folded.EndsWith(clitic, StringComparison.Ordinal))
            {
                return folded[..^clitic.Length];
            }
        }
        return null;
    }

    private static string StripPossessive(string folded) =>
        folded.EndsWith("'s", StringComparison.Ordinal) ? folded[..^2] : folded;

    private static IEnumerable<string> FinnishNames(Municipality m)
    {
        var names = SplitDualName(m.NameFi).Concat(MunicipalityNameTables.FinnishAliases.GetValueOrDefault(m.Code, []));
        return names.Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SwedishNames(Municipality m) =>
        SplitDualName(m.NameSv).Concat(MunicipalityNameTables.SwedishAliases.GetValueOrDefault(m.Code, []))
            .Distinct(StringComparer.Ordinal);

    // "Maarianhamina - Mariehamn" carries both names in one label.
    private static IEnumerable<string> SplitDualName(string name) =>
        name.Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Add(Dictionary<string, NameForm> forms, string form, string code, string name, bool isBase, string? exact = null)
    {
        var candidate = new NameForm(form, code, name.ToLowerInvariant(), isBase, exact);
        // A base name beats an inflected form of another town that happens to look the same.
        if (!forms.TryGetValue(form, out var existing) || (candidate.IsBase && !existing.IsBase))
        {
            forms[form] = candidate;
        }
    }

    private sealed record NameForm(string Form, string Code, string Name, bool IsBase, string? Exact)
    {
        public int NameLength => Name.Length;
    }
}

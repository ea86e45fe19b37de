namespace AuroraBots.Nlu.Entities;

/// <summary>
/// Generates the case forms a Finnish place name takes in ordinary speech: genitive, the locative cases
/// (inessive/elative/illative and adessive/ablative/allative — towns differ in which set they use, so
/// both are generated), translative and partitive, with consonant gradation (Helsinki→Helsingissä,
/// Turku→Turussa, Lahti→Lahdessa, Seinäjoki→Seinäjoella) and the e-stems of native words (Rovaniemi→
/// Rovaniemellä). Works on diacritic-folded lower case, where vowel harmony disappears (ssa = ssä).
/// Endings of closed syllables take the weak grade (Turussa), the others the strong grade (Turkuun), so
/// wrong-grade forms that are other words ("luoton" is credit's, Luoto's is "Luodon") are not produced.
/// </summary>
internal static class FinnishInflection
{
    // Genitive, inessive, elative, adessive, ablative, allative, translative: weak grade.
    private static readonly string[] s_weakEndings = ["n", "ssa", "sta", "lla", "lta", "lle", "ksi"];

    // Illative after a long vowel (Espooseen, Joensuuhun, Iihin): strong grade.
    private static readonly string[] s_strongEndings = ["seen", "han", "hin", "hon", "hun", "hyn"];

    // Partitive ("lähellä Oulua") only on longer names: on short ones it collides with words (Kemi → kemia).
    private static readonly string[] s_partitiveEndings = ["a", "ta"];
    private const int MinLengthForPartitive = 5;

    // Strong → weak consonant gradation of the cluster before the stem vowel; longest first.
    private static readonly (string Strong, string Weak)[] s_gradation =
    [
        ("nk", "ng"), ("mp", "mm"), ("lt", "ll"), ("nt", "nn"), ("rt", "rr"), ("ht", "hd"),
        ("lk", "l"), ("rk", "r"), ("hk", "h"), ("lp", "lv"), ("rp", "rv"),
        ("kk", "k"), ("pp", "p"), ("tt", "t"),
        ("k", ""), ("p", "v"), ("t", "d"),
    ];

    // Native nouns that end place names and inflect with an e-stem (folded): joki → joen, niemi → niemen…
    private static readonly string[] s_eStemWords =
        ["joki", "niemi", "jarvi", "lahti", "koski", "salmi", "saari", "maki", "lampi", "nummi", "loppi"];

    /// <summary>All forms of a folded one-word name, the nominative included.</summary>
    public static IReadOnlySet<string> Forms(string word)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        var hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1)
        {
            // Mänttä-Vilppula → Mänttä-Vilppulassa: only the last part inflects.
            var prefix = word[..(hyphen + 1)];
            foreach (var form in Forms(word[(hyphen + 1)..]))
            {
                forms.Add(prefix + form);
            }
            return forms;
        }
        if (word.Length < 2)
        {
            return forms;
        }

        if (word.EndsWith("nen", StringComparison.Ordinal))
        {
            // Kaustinen → Kaustisella (singular); Nousiainen → Nousiaisissa, Nousiaisiin, Nousiaisten (plural).
            var root = word[..^3];
            AddWeak(forms, root + "se");
            AddWeak(forms, root + "si");
            forms.Add(root + "siin");
            forms.Add(root + "sten");
            return forms;
        }
        if (word.EndsWith("vesi", StringComparison.Ordinal))
        {
            // Orivesi → Orivedellä, Orivedeltä, Oriveteen.
            AddWeak(forms, word[..^2] + "de");
            forms.Add(word[..^2] + "teen");
            return forms;
        }
        if (word[^1] == 's')
        {
            // Muhos → Muhoksella, Nurmes → Nurmeksessa; -us also → -ude-: Alavus → Alavudella, Varkaus → Varkaudessa.
            var root = word[..^1];
            AddWeak(forms, root + "kse");
            forms.Add(root + "kseen");
            if (word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("ys", StringComparison.Ordinal))
            {
                AddWeak(forms, root + "de");
                forms.Add(root + "teen");
            }
            return forms;
        }
        if (!IsVowel(word[^1]))
        {
            return forms;
        }

        if (word[^1] == 'i' && s_eStemWords.Any(w => word.EndsWith(w, StringComparison.Ordinal)))
        {
            // Native i-words take an e-stem: Lahti → Lahde-/Lahte-, Seinäjoki → Seinäjoe-, Rovaniemi → Rovanieme-.
            // Their i-stem forms would be wrong and collide with verbs (Lahti → "lahdin", "I left" without dots).
            AddStem(forms, word[..^1] + "e", word.Length);
            return forms;
        }
        AddStem(forms, word, word.Length);
        if (word[^1] == 'e' && word[^2] != 'e')
        {
            // Tampere → Tamperee- (Tampereella, Tampereen); Raahe keeps Raahe- (Raahessa).
            AddStem(forms, word + "e", word.Length);
        }
        return forms;
    }

    private static void AddStem(HashSet<string> forms, string strong, int nameLength)
    {
        var weak = Weaken(strong);
        AddWeak(forms, weak);
        foreach (var ending in s_strongEndings)
        {
            forms.Add(strong + ending);
        }
        forms.Add(strong + strong[^1] + "n"); // illative: Helsinki → Helsinkiin, Oulu → Ouluun, Lahti → Lahteen
        if (nameLength >= MinLengthForPartitive)
        {
            foreach (var ending in s_partitiveEndings)
            {
                forms.Add(strong + ending);
            }
        }
    }

    private static void AddWeak(HashSet<string> forms, string stem)
    {
        foreach (var ending in s_weakEndings)
        {
            forms.Add(stem + ending);
        }
    }

    /// <summary>Applies weak-grade gradation to the consonants before the final vowel, if any apply.</summary>
    internal static string Weaken(string stem)
    {
        var vowel = stem.Length - 1;
        if (vowel < 1 || !IsVowel(stem[vowel]) || IsVowel(stem[vowel - 1]))
        {
            return stem;
        }
        var clusterStart = vowel;
        while (clusterStart > 0 && !IsVowel(stem[clusterStart - 1]))
        {
            clusterStart--;
        }
        if (clusterStart == 0)
        {
            return stem;
        }
        var head = stem[..clusterStart];
        var cluster = stem[clusterStart..vowel];
        foreach (var (strong, weak) in s_gradation)
        {
            // A single-letter rule only applies to a single consonant between vowels.
            if (cluster.EndsWith(strong, StringComparison.Ordinal) && (strong.Length > 1 || cluster.Length == 1))
            {
                return head + cluster[..^strong.Length] + weak + stem[vowel..];
            }
        }
        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}

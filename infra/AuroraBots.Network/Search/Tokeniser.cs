using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace AuroraBots.Network.Search;

/// <summary>How words are reduced before matching (the text-search evaluation compares them).</summary>
public enum StemmingMode
{
    /// <summary>Lowercase and diacritic folding only.</summary>
    None,
    /// <summary>Snowball stemmer of the text's language (Finnish for PTV texts), then folding.</summary>
    Snowball,
}

/// <summary>
/// Finnish-aware tokenisation: lowercase, split on anything but letters and digits, stem with the Snowball
/// stemmer of the language, then fold diacritics (ä→a, ö→o, å→a) so "tyottomyys" meets "työttömyys".
/// Terms carry a language prefix (<c>fi:</c>, <c>sv:</c>, <c>en:</c>) because one index holds all three.
/// </summary>
public sealed class Tokeniser(StemmingMode mode)
{
    public StemmingMode Mode { get; } = mode;

    // Snowball stemmers keep state: one per thread and language.
    [ThreadStatic] private static Dictionary<string, SnowballProgram>? _stemmers;

    public IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) { word.Append(char.ToLowerInvariant(ch)); continue; }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    /// <summary>Terms of <paramref name="text"/> in <paramref name="language"/> (fi, sv or en).</summary>
    public IEnumerable<string> Terms(string text, string language)
    {
        foreach (var word in Words(text))
        {
            if (word.Length < 2 && !char.IsDigit(word[0])) continue;
            yield return language + ":" + Fold(Stem(word, language));
        }
    }

    /// <summary>Character 4-grams (prefix <c>g:</c>) of the folded words, with word boundaries marked by '_'.</summary>
    public IEnumerable<string> Grams(string text)
    {
        foreach (var word in Words(text))
        {
            if (word.Length < 4 || char.IsDigit(word[0])) continue;
            var padded = "_" + Fold(word) + "_";
            for (var i = 0; i + 4 <= padded.Length; i++)
                yield return "g:" + padded.Substring(i, 4);
        }
    }

    public string Stem(string word, string language)
    {
        if (Mode == StemmingMode.None || word.Length < 4 || char.IsDigit(word[0])) return word;
        var stemmers = _stemmers ??= [];
        if (!stemmers.TryGetValue(language, out var stemmer))
        {
            stemmer = language switch
            {
                "sv" => new SwedishStemmer(),
                "en" => new EnglishStemmer(),
                _ => new FinnishStemmer(),
            };
            stemmers[language] = stemmer;
        }
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        return stem.Length >= 2 ? stem : word;
    }

    /// <summary>Removes diacritics: ä→a, ö→o, å→a, é→e; keeps letters and digits otherwise.</summary>
    public static string Fold(string word)
    {
        var normalised = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalised.Length);
        foreach (var ch in normalised)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                sb.Append(ch);
        return sb.ToString();
    }
}

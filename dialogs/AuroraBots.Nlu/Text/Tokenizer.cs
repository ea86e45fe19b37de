namespace AuroraBots.Nlu.Text;

/// <summary>
/// Splits an utterance into words. Hyphens, apostrophes and colons inside a word keep it whole
/// ("17-vuotias", "I'm", "S:t", "Mänttä-Vilppula"); everything else separates.
/// </summary>
internal static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!TextFolding.IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (TextFolding.IsWordChar(text[i]) || IsJoiner(text, i)))
            {
                i++;
            }
            var word = text[start..i];
            tokens.Add(new Token(word, TextFolding.Fold(word), start));
        }
        return tokens;
    }

    // A joiner only counts between two word characters: "17-vuotias" stays one token, "foo -" does not.
    private static bool IsJoiner(string text, int i) =>
        text[i] is '-' or '\'' or '’' or ':' or '‐'
        && i > 0 && i + 1 < text.Length
        && TextFolding.IsWordChar(text[i - 1]) && TextFolding.IsWordChar(text[i + 1]);
}

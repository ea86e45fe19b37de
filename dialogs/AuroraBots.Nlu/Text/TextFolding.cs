using System.Globalization;
using System.Text;

namespace AuroraBots.Nlu.Text;

/// <summary>
/// Lower-casing and diacritic folding shared by the classifier and the entity recognisers, so that
/// "Tyottomyysetuus" typed on an English keyboard meets "työttömyysetuus" in the examples.
/// </summary>
internal static class TextFolding
{
    /// <summary>Lower-cases and folds ä→a, ö→o, å→a (and other Latin diacritics) keeping string length.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(FoldChar(c));
        }
        return builder.ToString();
    }

    public static char FoldChar(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return lower switch
        {
            'ä' or 'å' or 'á' or 'à' or 'â' or 'ã' => 'a',
            'ö' or 'ø' or 'ó' or 'ò' or 'ô' or 'õ' => 'o',
            'é' or 'è' or 'ê' or 'ë' => 'e',
            'ü' or 'ú' or 'ù' or 'û' => 'u',
            'í' or 'ì' or 'î' or 'ï' => 'i',
            'š' => 's',
            'ž' => 'z',
            '’' or '`' or '´' => '\'',
            _ => lower,
        };
    }

    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}

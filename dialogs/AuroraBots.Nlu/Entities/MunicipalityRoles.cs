using System.Text.RegularExpressions;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Entities;

/// <summary>
/// What a recognised municipality is to the user. Finnish says it with the case ending ("Tampereelta" from,
/// "Ouluun" / "Tampereelle" to, "Espoossa" / "Tampereella" where I am); Swedish and English with the word before
/// it ("från"/"from", "till"/"to", "i"/"in"). A bare name says nothing (null): the dialog decides.
/// </summary>
internal static partial class MunicipalityRoles
{
    // Folded Finnish endings: elative/ablative = from; illative/allative = to; inessive/adessive = home.
    private static readonly string[] s_fromEndings = ["sta", "lta"];
    private static readonly string[] s_toEndings = ["lle", "seen", "siin", "hin", "hun", "hon", "han", "hen", "hyn", "aan", "een", "iin", "oon", "uun", "yyn"];
    private static readonly string[] s_homeEndings = ["ssa", "lla"];

    [GeneratedRegex(@"(?:\b(?:fran|from|out\s+of|lamnar|leaving)\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"(?:\b(?:till|to|into|towards|mot)\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToBefore();

    [GeneratedRegex(@"(?:\b(?:i|in|at|bor\s+i|live\s+in|living\s+in)\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HomeBefore();

    [GeneratedRegex(@"\b(?:muut\w*|muuto\w*|flytt\w*|mov(?:e|es|ed|ing)\b|relocat\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MovingWord();

    /// <summary>
    /// The municipalities with their roles. "from"/"to" only when the message is about moving (a moving word, or both
    /// a from and a to place): colloquial "etin kesäduunia Jyväskylästä" means a job IN Jyväskylä, not a move.
    /// </summary>
    public static IReadOnlyList<EntityMatch> Assign(IEnumerable<EntityMatch> municipalities, string text, string language)
    {
        var withRoles = municipalities.Select(m => m with { Role = Of(m, text, language) }).ToList();
        var moving = MovingWord().IsMatch(TextFolding.Fold(text))
            || (withRoles.Any(m => m.Role == EntityRoles.MovingFrom) && withRoles.Any(m => m.Role == EntityRoles.MovingTo));
        return moving
            ? withRoles
            : [.. withRoles.Select(m => m.Role is EntityRoles.MovingFrom or EntityRoles.MovingTo ? m with { Role = null } : m)];
    }

    private static string? Of(EntityMatch municipality, string text, string language)
    {
        // Up to three words before the name ("flyttar från", "moving out of") decide in sv/en, and in fi for foreign names.
        var before = TextFolding.Fold(text[..municipality.Start]);
        if (FromBefore().IsMatch(before))
        {
            return EntityRoles.MovingFrom;
        }
        if (ToBefore().IsMatch(before))
        {
            return EntityRoles.MovingTo;
        }
        if (language == "fi" && FinnishCase(municipality) is { } role)
        {
            return role;
        }
        return HomeBefore().IsMatch(before) ? EntityRoles.Home : null;
    }

    private static string? FinnishCase(EntityMatch municipality)
    {
        var surface = TextFolding.Fold(municipality.Text.Split(' ')[^1]);
        var name = EntityRecognizer.FindMunicipality(municipality.Value) is { } m ? TextFolding.Fold(m.NameFi) : string.Empty;
        if (surface == name || surface.Length <= 3)
        {
            return null; // nominative: "Oulu" says nothing about the role
        }
        if (s_fromEndings.Any(surface.EndsWith))
        {
            return EntityRoles.MovingFrom;
        }
        if (s_toEndings.Any(surface.EndsWith))
        {
            return EntityRoles.MovingTo;
        }
        return s_homeEndings.Any(surface.EndsWith) ? EntityRoles.Home : null;
    }
}

using AuroraBots.Nlu.Entities;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu;

/// <summary>
/// Recognises the entities the dialogs need: municipalities (value = 3-digit code, with their role), ages, numbers 0–10
/// and yes/no, in an utterance of the given language (fi, sv or en). Stateless and thread-safe.
/// </summary>
public static class EntityRecognizer
{
    public static IReadOnlyList<EntityMatch> Recognize(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalisedLanguage = LanguageCodes.Normalise(language);
        var tokens = Tokenizer.Tokenize(text);
        var municipalities = MunicipalityRoles.Assign(MunicipalityGazetteer.Shared.Find(text, tokens, normalisedLanguage), text, normalisedLanguage);
        return municipalities
            .Concat(AgeRecognizer.Find(text))
            .Concat(NumberRecognizer.Find(text, tokens, normalisedLanguage))
            .Concat(YesNoRecognizer.Find(text, tokens, normalisedLanguage))
            .OrderBy(e => e.Start)
            .ThenBy(e => e.Type, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The municipality for a code from the shipped code list, or null.</summary>
    public static Municipality? FindMunicipality(string code) =>
        MunicipalityGazetteer.Shared.Municipalities.GetValueOrDefault(code);
}

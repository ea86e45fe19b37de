using AuroraBots.Editor.Coverage;
using AuroraBots.Platform;

namespace AuroraBots.Editor.Versions;

/// <summary>One translated text that differs between two versions, with the languages whose wording changed.</summary>
public sealed record TextChange(string File, string Path, string Change, IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, string>? Before, IReadOnlyDictionary<string, string>? After);

public sealed record TextDiffResult(int From, int To, string? Language, IReadOnlyList<TextChange> Changes);

/// <summary>
/// The per-language view of a diff: which texts (the <c>{fi, sv, en}</c> maps the coverage report counts) changed,
/// and in which languages — so a Swedish translator sees exactly the Swedish wording to review.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<TextChange> Compare(IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to, string? language,
        Languages? platform = null)
    {
        var changes = new List<TextChange>();
        foreach (var file in from.Keys.Union(to.Keys).Where(TranslationCoverage.IsTextFile).Order(StringComparer.Ordinal))
        {
            var before = TranslationCoverage.TextsOf(from.GetValueOrDefault(file), platform: platform);
            var after = TranslationCoverage.TextsOf(to.GetValueOrDefault(file), platform: platform);
            foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
            {
                var a = before.GetValueOrDefault(path);
                var b = after.GetValueOrDefault(path);
                var languages = (a?.Keys ?? Enumerable.Empty<string>()).Union(b?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal)
                    .Where(l => a?.GetValueOrDefault(l) != b?.GetValueOrDefault(l)).ToList();
                if (languages.Count == 0 || (language is not null && !languages.Contains(language))) continue;
                var change = a is null ? "added" : b is null ? "removed" : "modified";
                changes.Add(new(file, path, change, languages, a, b));
            }
        }
        return changes;
    }
}

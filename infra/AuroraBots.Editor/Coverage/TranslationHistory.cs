using System.Text.Json;
using AuroraBots.Editor.Storage;
using AuroraBots.Platform;

namespace AuroraBots.Editor.Coverage;

/// <summary>
/// Remembers, per text (file + YAML path) and language, which languages were left behind when another one was
/// edited: saving a change to only <c>fi</c> marks <c>sv</c> and <c>en</c> with the hash of their current value.
/// A mark lapses when that language's value changes (the translation was updated). Kept in <c>DataPath/translations.json</c>
/// (<see cref="FileTranslationHistoryStore"/>) or in Redis (<see cref="RedisTranslationHistoryStore"/>).
/// </summary>
public sealed class TranslationHistory(ITranslationHistoryStore store, TimeProvider time, Languages? languages = null)
{
    public TranslationHistory(string dataPath, TimeProvider time, Languages? languages = null) : this(new FileTranslationHistoryStore(dataPath), time, languages) { }

    /// <summary>
    /// A stale language: its value's hash when marked, which languages changed then, and (<see cref="ChangedFrom"/>) the
    /// hashes of their values before that change — so undoing the change (by hand or by a rollback) clears the mark.
    /// </summary>
    public sealed record Mark(string Hash, IReadOnlyList<string> Changed, string By, DateTimeOffset At, IReadOnlyDictionary<string, string>? ChangedFrom = null);

    /// <summary>Key: <c>file#path</c> → language → mark.</summary>
    public sealed class Snapshot(Dictionary<string, Dictionary<string, Mark>> marks)
    {
        internal Dictionary<string, Dictionary<string, Mark>> Marks => marks;

        public OutdatedText? Outdated(string file, string path, IReadOnlyDictionary<string, string> current)
        {
            if (!marks.TryGetValue(Key(file, path), out var languages)) return null;
            // Still stale only while the language holds the very value it had when another language changed, and that
            // change was not undone since.
            var stale = languages.Where(m => current.TryGetValue(m.Key, out var value) && ContentHash.Of(value) == m.Value.Hash && !Reverted(m.Value, current)).ToList();
            if (stale.Count == 0) return null;
            var latest = stale.MaxBy(m => m.Value.At).Value;
            return new(file, path, latest.Changed, [.. stale.Select(m => m.Key).Order(StringComparer.Ordinal)], latest.By, latest.At);
        }
    }

    private static bool Reverted(Mark mark, IReadOnlyDictionary<string, string> current) =>
        mark.ChangedFrom is { Count: > 0 } before
        && before.All(b => current.TryGetValue(b.Key, out var value) ? ContentHash.Of(value) == b.Value : b.Value.Length == 0);

    public async Task<Snapshot> ReadAsync(CancellationToken cancellationToken) => new(await store.ReadAsync(cancellationToken));

    /// <summary>Compares a file before and after a save and updates the marks.</summary>
    public async Task RecordAsync(string file, string? before, string after, string user, CancellationToken cancellationToken)
    {
        if (before is null || !TranslationCoverage.IsTextFile(file)) return;
        var old = TranslationCoverage.TextsOf(before, platform: languages);
        var now = TranslationCoverage.TextsOf(after, platform: languages);
        await store.UpdateAsync(marks =>
        {
            var dirty = false;
            foreach (var (path, values) in now)
            {
                if (!old.TryGetValue(path, out var previous)) continue;
                var changed = values.Keys.Union(previous.Keys)
                    .Where(l => values.GetValueOrDefault(l) != previous.GetValueOrDefault(l)).Order(StringComparer.Ordinal).ToList();
                if (changed.Count == 0) continue;
                var key = Key(file, path);
                var languages = marks.TryGetValue(key, out var existing) ? existing : marks[key] = [];
                // An undo: the languages that changed are back to their earlier wording, so nothing is behind any more.
                if (languages.Count > 0 && languages.Values.All(m => Reverted(m, values)))
                {
                    marks.Remove(key);
                    dirty = true;
                    continue;
                }
                // Updating only languages that were behind is catching up; changing an up-to-date one leaves the rest behind.
                var catchingUp = changed.All(languages.ContainsKey);
                foreach (var language in changed) languages.Remove(language);
                // A language that did not exist before is recorded with an empty hash ("absent").
                var changedFrom = changed.ToDictionary(l => l, l => previous.TryGetValue(l, out var v) ? ContentHash.Of(v) : "");
                if (!catchingUp)
                    foreach (var (language, value) in values.Where(v => !changed.Contains(v.Key)))
                        languages[language] = new Mark(ContentHash.Of(value), changed, user, time.GetUtcNow(), changedFrom);
                if (languages.Count == 0) marks.Remove(key);
                dirty = true;
            }
            return dirty;
        }, cancellationToken);
    }

    internal static string Serialize(Dictionary<string, Dictionary<string, Mark>> marks) =>
        JsonSerializer.Serialize(marks, EditorJsonContext.Default.DictionaryStringDictionaryStringMark);

    internal static Dictionary<string, Dictionary<string, Mark>> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize(json, EditorJsonContext.Default.DictionaryStringDictionaryStringMark) ?? []; }
        catch (JsonException) { return []; } // a damaged history only loses the "changed since" hints, never content
    }

    private static string Key(string file, string path) => file + "#" + path;
}

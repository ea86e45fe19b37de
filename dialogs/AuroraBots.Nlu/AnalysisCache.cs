using System.Collections.Concurrent;

namespace AuroraBots.Nlu;

/// <summary>
/// The analyses of recent short messages of one <see cref="NluEngine"/>. Chat answers repeat across users far more
/// than free text does — button labels, "kyllä", "ei", a number, a colour — and an analysis depends only on the
/// text and the conversation's language, because the engine is immutable (content reload trains a new engine with
/// an empty cache). A full cache starts over: no per-entry bookkeeping on the hot path, and memory stays bounded
/// by <see cref="NluOptions.AnalysisCacheSize"/> × <see cref="NluOptions.AnalysisCacheMaxLength"/> characters.
/// </summary>
internal sealed class AnalysisCache(int capacity, int maxLength)
{
    private readonly ConcurrentDictionary<(string Text, string? Language), NluResult> _results = new();

    public NluResult GetOrAdd(string text, string? conversationLanguage, Func<string, string?, NluResult> analyse)
    {
        if (capacity <= 0 || text.Length > maxLength) return analyse(text, conversationLanguage);
        if (_results.TryGetValue((text, conversationLanguage), out var cached)) return cached;
        var result = analyse(text, conversationLanguage);
        if (_results.Count >= capacity) _results.Clear();
        _results.TryAdd((text, conversationLanguage), result);
        return result;
    }
}

using AuroraBots.Editor.Storage;
using Mark = AuroraBots.Editor.Coverage.TranslationHistory.Mark;

namespace AuroraBots.Editor.Coverage;

/// <summary>The marks as one JSON file, <c>DataPath/translations.json</c>, replaced atomically (one editor instance).</summary>
public sealed class FileTranslationHistoryStore(string dataPath) : ITranslationHistoryStore
{
    private readonly string _file = Path.Combine(dataPath, "translations.json");
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Dictionary<string, Dictionary<string, Mark>>> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(_file) ? TranslationHistory.Parse(await File.ReadAllTextAsync(_file, cancellationToken)) : [];

    public async Task UpdateAsync(Func<Dictionary<string, Dictionary<string, Mark>>, bool> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var marks = await ReadAsync(cancellationToken);
            if (change(marks)) await AtomicFile.WriteAsync(_file, TranslationHistory.Serialize(marks), cancellationToken);
        }
        finally { _gate.Release(); }
    }
}

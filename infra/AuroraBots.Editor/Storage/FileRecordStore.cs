using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuroraBots.Editor.Storage;

/// <summary>Records in one JSON file, rewritten atomically on every change (a handful of records; no need for more).</summary>
public sealed class FileRecordStore<T>(string file, JsonTypeInfo<List<T>> json, Func<T, string> keyOf) : IRecordStore<T>
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return [];
        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync(stream, json, cancellationToken) ?? [];
    }

    public Task SaveAsync(T record, CancellationToken cancellationToken) =>
        ChangeAsync(records =>
        {
            records.RemoveAll(r => keyOf(r) == keyOf(record));
            records.Add(record);
            return true;
        }, cancellationToken);

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) =>
        ChangeAsync(records => records.RemoveAll(r => keyOf(r) == key) > 0, cancellationToken);

    private async Task<bool> ChangeAsync(Func<List<T>, bool> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var records = (await ListAsync(cancellationToken)).ToList();
            if (!change(records)) return false;
            await AtomicFile.WriteAsync(file, JsonSerializer.Serialize(records, json), CancellationToken.None);
            return true;
        }
        finally { _gate.Release(); }
    }
}

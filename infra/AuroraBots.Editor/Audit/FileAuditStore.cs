namespace AuroraBots.Editor.Audit;

/// <summary>Append-only JSON lines in <c>DataPath/audit.jsonl</c> (one editor instance).</summary>
public sealed class FileAuditStore(string dataPath) : IAuditStore
{
    private readonly string _file = Path.Combine(dataPath, "audit.jsonl");
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var line = AuditLog.Serialize(entry);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            await File.AppendAllTextAsync(_file, line + "\n", cancellationToken);
        }
        finally { _gate.Release(); }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int take, CancellationToken cancellationToken)
    {
        if (!File.Exists(_file)) return [];
        var lines = await File.ReadAllLinesAsync(_file, cancellationToken);
        var entries = new List<AuditEntry>();
        for (var i = lines.Length - 1; i >= 0 && entries.Count < take; i--)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (AuditLog.Parse(lines[i]) is { } entry) entries.Add(entry);
        }
        return entries;
    }
}

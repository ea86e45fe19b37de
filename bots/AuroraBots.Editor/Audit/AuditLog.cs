using System.Text.Json;

namespace AuroraBots.Editor.Audit;

/// <summary>One audited action. Never contains a password.</summary>
public sealed record AuditEntry(DateTimeOffset Time, string User, string Action, string? Target, bool Success, string? Detail);

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string Save = "save";
    public const string Delete = "delete";
    public const string Publish = "publish";
    public const string Rollback = "rollback";
}

/// <summary>Append-only JSON lines in <c>DataPath/audit.jsonl</c>.</summary>
public sealed class AuditLog(string dataPath, TimeProvider time)
{
    private readonly string _file = Path.Combine(dataPath, "audit.jsonl");
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(string user, string action, string? target, bool success, string? detail, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(new AuditEntry(time.GetUtcNow(), user, action, target, success, detail), EditorJsonContext.Default.AuditEntry);
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            // Not cancelled midway: an action that happened is always recorded.
            await File.AppendAllTextAsync(_file, line + "\n", CancellationToken.None);
        }
        finally { _gate.Release(); }
    }

    /// <summary>The latest <paramref name="take"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int take, CancellationToken cancellationToken)
    {
        if (!File.Exists(_file)) return [];
        var lines = await File.ReadAllLinesAsync(_file, cancellationToken);
        var entries = new List<AuditEntry>();
        for (var i = lines.Length - 1; i >= 0 && entries.Count < take; i--)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            try
            {
                if (JsonSerializer.Deserialize(lines[i], EditorJsonContext.Default.AuditEntry) is { } entry) entries.Add(entry);
            }
            catch (JsonException) { /* a torn last line after a crash is skipped, not fatal */ }
        }
        return entries;
    }
}

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
    /// <summary>The live folder had content no version has (hand edit, deploy) and became a version.</summary>
    public const string Import = "import";
}

/// <summary>The audit log: append-only, in <c>DataPath/audit.jsonl</c> (<see cref="FileAuditStore"/>) or a Redis stream (<see cref="RedisAuditStore"/>).</summary>
public sealed class AuditLog(IAuditStore store, TimeProvider time)
{
    public AuditLog(string dataPath, TimeProvider time) : this(new FileAuditStore(dataPath), time) { }

    // Not cancelled midway: an action that happened is always recorded.
    public Task AppendAsync(string user, string action, string? target, bool success, string? detail, CancellationToken cancellationToken) =>
        store.AppendAsync(new AuditEntry(time.GetUtcNow(), user, action, target, success, detail), CancellationToken.None);

    /// <summary>The latest <paramref name="take"/> entries, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int take, CancellationToken cancellationToken) => store.ReadAsync(take, cancellationToken);

    internal static string Serialize(AuditEntry entry) => JsonSerializer.Serialize(entry, EditorJsonContext.Default.AuditEntry);

    /// <summary>The entry, or null for a damaged one (a torn last line after a crash is skipped, not fatal).</summary>
    internal static AuditEntry? Parse(string json)
    {
        try { return JsonSerializer.Deserialize(json, EditorJsonContext.Default.AuditEntry); }
        catch (JsonException) { return null; }
    }
}

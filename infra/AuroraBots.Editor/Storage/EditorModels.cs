namespace AuroraBots.Editor.Storage;

/// <summary>A draft file as listed: path relative to the bots content folder, the bot (first folder) and its ETag.</summary>
public sealed record DraftFileInfo(string Path, string Bot, string ETag);

public sealed record DraftFile(string Path, string Content, string ETag);

/// <summary>The outcome of a save with <c>If-Match</c>.</summary>
public enum SaveOutcome { Saved, Created, Conflict, NotFound }

public sealed record SaveResult(SaveOutcome Outcome, string? ETag, string? PreviousContent);

/// <summary>An immutable published version: who, when, why, and a fingerprint of its files.</summary>
public sealed record VersionInfo(int Number, string Author, DateTimeOffset Created, string Comment, string Hash, int FileCount, int? RollbackOf);

public sealed record VersionSnapshot(VersionInfo Info, IReadOnlyDictionary<string, string> Files);

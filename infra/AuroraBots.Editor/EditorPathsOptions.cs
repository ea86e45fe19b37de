namespace AuroraBots.Editor;

/// <summary>The resolved folders (absolute).</summary>
public sealed record EditorPathsOptions(string DataPath, string LivePath);

namespace AuroraBots.Dialogs.Content;

/// <summary>
/// Bounds on any YAML the platform parses from content or editor input (configuration <c>Dialogs:Yaml</c>).
/// YAML's aliases let a few hundred bytes stand for billions of nodes, and deep nesting overflows recursive
/// readers, so every file is checked against these before it is turned into objects. See docs/hosting.md.
/// </summary>
public sealed class YamlLimits
{
    /// <summary>Largest file, in UTF-8 bytes.</summary>
    public int MaxBytes { get; set; } = 512 * 1024;

    /// <summary>Deepest nesting of maps and lists.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Most aliases (<c>*name</c>) in one file; our own content uses none.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Most nodes in one file, counting every alias as the whole subtree it stands for.</summary>
    public int MaxNodes { get; set; } = 100_000;

    /// <summary>The safe defaults, for callers without configuration.</summary>
    public static YamlLimits Default { get; } = new();
}

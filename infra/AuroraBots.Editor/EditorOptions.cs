namespace AuroraBots.Editor;

/// <summary>Configuration section <c>Editor</c>.</summary>
public sealed class EditorOptions
{
    public const string SectionName = "Editor";

    /// <summary>Drafts, versions and the audit log; relative paths are under the content root. Default <c>.data/editor</c>.</summary>
    public string DataPath { get; set; } = Path.Combine(".data", "editor");

    /// <summary>The folder the engine serves (<c>Dialogs:Path</c>); publishing writes here and hot reload picks it up.</summary>
    public string? LivePath { get; set; }

    /// <summary>Embedded user directory (the default). Production: OpenID Connect, see docs/editor.md.</summary>
    public List<EditorUser> Users { get; set; } = [];

    /// <summary>How long a sign-in lasts (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Prefix of the editor's Redis keys (<c>{prefix}editor:…</c>), so several installations can share one Redis.</summary>
    public string RedisKeyPrefix { get; set; } = "aurora:";

    /// <summary>With Redis: how often a host checks that its live folder holds the published version (in case it missed an announcement).</summary>
    public TimeSpan LiveCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Run every transcript test before publishing and refuse when one fails (on by default).</summary>
    public bool TestsBeforePublish { get; set; } = true;

    /// <summary>Failed sign-ins allowed per user and per client address before they must wait.</summary>
    public Security.SignInThrottleOptions SignInThrottle { get; set; } = new();

    /// <summary>Publishing needs a review approved by someone other than its author (four-eyes); off by default.</summary>
    public bool RequireReview { get; set; }
}

/// <summary>A configured user: the password only as a hash from <see cref="AuroraBots.Platform.Security.PasswordHashes.Hash"/>.</summary>
public sealed class EditorUser
{
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

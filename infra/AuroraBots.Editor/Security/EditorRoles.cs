namespace AuroraBots.Editor.Security;

/// <summary>
/// Roles and the policies built on them: editor &lt; publisher &lt; admin (a higher role includes the lower ones). The
/// <c>agent</c> role stands apart: it signs in to the agent console (/agent, infra/AuroraBots.Agents) only; admins
/// manage agents like any user.
/// </summary>
public static class EditorRoles
{
    public const string Editor = "editor";
    public const string Publisher = "publisher";
    public const string Admin = "admin";
    public const string Agent = "agent";

    public const string EditorPolicy = "AuroraEditor.Editor";
    public const string PublisherPolicy = "AuroraEditor.Publisher";
    public const string AdminPolicy = "AuroraEditor.Admin";

    /// <summary>The cookie scheme, named so it never collides with a host's own authentication.</summary>
    public const string Scheme = "AuroraEditor";

    public static readonly string[] All = [Editor, Publisher, Admin, Agent];

    /// <summary>Roles that satisfy a policy for <paramref name="role"/>.</summary>
    public static string[] AtLeast(string role) => role switch
    {
        Editor => [Editor, Publisher, Admin],
        Publisher => [Publisher, Admin],
        _ => [Admin],
    };
}

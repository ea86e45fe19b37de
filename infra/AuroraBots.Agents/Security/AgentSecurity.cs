using AuroraBots.Editor.Security;

namespace AuroraBots.Agents.Security;

/// <summary>
/// The console's sign-in: the editor's user directory and password hashes (<see cref="EditorUserDirectory"/>) with a
/// cookie of its own, limited to <c>/agent</c>, for users with the <c>agent</c> role (admins too, to help out).
/// </summary>
public static class AgentSecurity
{
    public const string Scheme = "AuroraAgent";
    public const string Policy = "AuroraAgent.Agent";

    public static readonly string[] Roles = [EditorRoles.Agent, EditorRoles.Admin];
}

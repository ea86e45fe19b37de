namespace AuroraBots.Editor.Security;

/// <summary>The users from configuration (<c>Editor:Users</c>).</summary>
public sealed class EditorUserDirectory(EditorOptions options)
{
    // Verifying against a dummy hash for unknown names keeps the response time the same for known and unknown users.
    private static readonly string DummyHash = EditorPasswords.Hash(Guid.NewGuid().ToString());

    public EditorUser? Authenticate(string name, string password)
    {
        var user = options.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        var ok = EditorPasswords.Verify(password, user?.PasswordHash ?? DummyHash);
        return ok ? user : null;
    }
}

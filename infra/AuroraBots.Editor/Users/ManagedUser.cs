namespace AuroraBots.Editor.Users;

/// <summary>A user an admin added in the editor (configuration users are not stored). Only the password's hash is kept.</summary>
public sealed record ManagedUser(string Name, string PasswordHash, IReadOnlyList<string> Roles, DateTimeOffset Changed, string ChangedBy)
{
    /// <summary>Names compare case-insensitively, so the store's key is the lower-case name.</summary>
    public static string KeyOf(ManagedUser user) => KeyOf(user.Name);

    public static string KeyOf(string name) => name.ToLowerInvariant();
}

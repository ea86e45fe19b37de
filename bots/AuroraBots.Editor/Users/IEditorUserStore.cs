namespace AuroraBots.Editor.Users;

/// <summary>A user an admin added in the editor (configuration users are not stored here). Only the password's hash is kept.</summary>
public sealed record ManagedUser(string Name, string PasswordHash, IReadOnlyList<string> Roles, DateTimeOffset Changed, string ChangedBy);

/// <summary>
/// Users managed by admins in the editor, beside the fixed ones from <c>Editor:Users</c>. Files for the embedded default
/// (<c>DataPath/users.json</c>), Redis when configured, so every host instance signs in the same people.
/// </summary>
public interface IEditorUserStore
{
    Task<IReadOnlyList<ManagedUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces <paramref name="user"/> (names compare case-insensitively).</summary>
    Task SaveAsync(ManagedUser user, CancellationToken cancellationToken);

    /// <summary>False when there was no such user.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);
}

using AuroraBots.Platform.Security;
using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Users;

namespace AuroraBots.Editor.Security;

/// <summary>Where a user comes from: fixed in configuration (<c>Editor:Users</c>) or added by an admin in the editor.</summary>
public static class UserSources
{
    public const string Configuration = "configuration";
    public const string Editor = "editor";
}

/// <summary>A user as the editor sees it (never the hash).</summary>
public sealed record EditorUserInfo(string Name, IReadOnlyList<string> Roles, string Source, DateTimeOffset? Changed = null, string? ChangedBy = null);

/// <summary>The users who may sign in: those from configuration first, then those admins manage in the editor.</summary>
public sealed class EditorUserDirectory(EditorOptions options, IRecordStore<ManagedUser> managed)
{
    // Verifying against a dummy hash for unknown names keeps the response time the same for known and unknown users.
    private static readonly string DummyHash = PasswordHashes.Hash(Guid.NewGuid().ToString());

    public async Task<EditorUserInfo?> AuthenticateAsync(string name, string password, CancellationToken cancellationToken)
    {
        var (user, hash) = await FindWithHashAsync(name, cancellationToken);
        var ok = PasswordHashes.Verify(password, hash ?? DummyHash);
        return ok ? user : null;
    }

    public async Task<EditorUserInfo?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await FindWithHashAsync(name, cancellationToken)).User;

    public async Task<IReadOnlyList<EditorUserInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var users = options.Users.Select(FromConfiguration).ToList();
        foreach (var user in await managed.ListAsync(cancellationToken))
            if (!users.Any(u => Same(u.Name, user.Name))) users.Add(FromStore(user));
        return users;
    }

    private async Task<(EditorUserInfo? User, string? Hash)> FindWithHashAsync(string name, CancellationToken cancellationToken)
    {
        // Configuration wins: an admin can never shadow or lock out a configured account.
        if (options.Users.FirstOrDefault(u => Same(u.Name, name)) is { } configured) return (FromConfiguration(configured), configured.PasswordHash);
        var stored = (await managed.ListAsync(cancellationToken)).FirstOrDefault(u => Same(u.Name, name));
        return stored is null ? (null, null) : (FromStore(stored), stored.PasswordHash);
    }

    private static EditorUserInfo FromConfiguration(EditorUser user) =>
        new(user.Name, [.. user.Roles.Where(EditorRoles.All.Contains).Distinct()], UserSources.Configuration);

    private static EditorUserInfo FromStore(ManagedUser user) =>
        new(user.Name, [.. user.Roles.Where(EditorRoles.All.Contains).Distinct()], UserSources.Editor, user.Changed, user.ChangedBy);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

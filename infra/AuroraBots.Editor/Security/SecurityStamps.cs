using System.Security.Cryptography;
using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Security;

/// <summary>A user's current security stamp; every session carries the stamp it was issued with.</summary>
public sealed record UserStamp(string Name, string Stamp)
{
    public static string KeyOf(UserStamp stamp) => KeyOf(stamp.Name);

    public static string KeyOf(string name) => name.ToLowerInvariant();
}

/// <summary>
/// Per-user security stamps, kept with the editor's other records (file or Redis, so every instance agrees). A new
/// stamp on delete, re-add, password change, role change and sign-out ends every existing session of that user:
/// a session is valid only while its stamp is the user's current one, never by name alone.
/// </summary>
public sealed class SecurityStamps(IRecordStore<UserStamp> store)
{
    /// <summary>The user's stamp, created on first use (e.g. a configured user's first sign-in).</summary>
    public async Task<string> CurrentAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is { } stamp) return stamp;
        return await RenewAsync(name, cancellationToken);
    }

    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).FirstOrDefault(s => UserStamp.KeyOf(s) == UserStamp.KeyOf(name))?.Stamp;

    /// <summary>Ends every session of the user.</summary>
    public async Task<string> RenewAsync(string name, CancellationToken cancellationToken)
    {
        var stamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await store.SaveAsync(new UserStamp(name, stamp), cancellationToken);
        return stamp;
    }
}

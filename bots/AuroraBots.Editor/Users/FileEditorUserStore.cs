using System.Text.Json;
using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Users;

/// <summary><c>DataPath/users.json</c>, rewritten atomically on every change (a handful of users; no need for more).</summary>
public sealed class FileEditorUserStore(string dataPath) : IEditorUserStore
{
    private readonly string _file = Path.Combine(dataPath, "users.json");
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<ManagedUser>> ListAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_file)) return [];
        await using var stream = File.OpenRead(_file);
        return await JsonSerializer.DeserializeAsync(stream, EditorJsonContext.Default.ListManagedUser, cancellationToken) ?? [];
    }

    public async Task SaveAsync(ManagedUser user, CancellationToken cancellationToken) =>
        await ChangeAsync(users =>
        {
            users.RemoveAll(u => Same(u.Name, user.Name));
            users.Add(user);
            return true;
        }, cancellationToken);

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(users => users.RemoveAll(u => Same(u.Name, name)) > 0, cancellationToken);

    private async Task<bool> ChangeAsync(Func<List<ManagedUser>, bool> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var users = (await ListAsync(cancellationToken)).ToList();
            if (!change(users)) return false;
            var json = JsonSerializer.Serialize(users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList(), EditorJsonContext.Default.ListManagedUser);
            await AtomicFile.WriteAsync(_file, json, CancellationToken.None);
            return true;
        }
        finally { _gate.Release(); }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

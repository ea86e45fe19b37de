using Microsoft.Extensions.Caching.Distributed;

namespace AuroraBots.Editor.Security;

/// <summary>Configuration <c>Editor:SignInThrottle</c>: failed sign-ins allowed before a name or an address must wait.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failed sign-ins for one user name within <see cref="Window"/>; then even the right password is refused until it passes.</summary>
    public int MaxFailuresPerUser { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address within <see cref="Window"/> (guessing across many names).</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>How long failures count, and so how long a lock-out lasts after the last one.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts failed sign-ins per user and per client address in the distributed cache (Redis when configured, so all
/// instances share the counts). Checked before the password hash is computed, so a locked name costs no CPU.
/// When the cache is unreachable sign-in still works (unthrottled) rather than locking everyone out.
/// </summary>
public sealed class SignInThrottle(IDistributedCache cache, EditorOptions editor)
{
    private readonly SignInThrottleOptions _options = editor.SignInThrottle;
    private readonly string _prefix = editor.RedisKeyPrefix + "editor:signin:";

    /// <summary>True when this name or address has failed too often recently.</summary>
    public async Task<bool> IsLockedAsync(string name, string? address, CancellationToken cancellationToken) =>
        await CountAsync(UserKey(name), cancellationToken) >= _options.MaxFailuresPerUser
        || (address is not null && await CountAsync(AddressKey(address), cancellationToken) >= _options.MaxFailuresPerAddress);

    public async Task FailedAsync(string name, string? address, CancellationToken cancellationToken)
    {
        await IncrementAsync(UserKey(name), cancellationToken);
        if (address is not null) await IncrementAsync(AddressKey(address), cancellationToken);
    }

    /// <summary>A successful sign-in clears the name's failures (not the address's: others may guess from it).</summary>
    public async Task SucceededAsync(string name, CancellationToken cancellationToken)
    {
        try { await cache.RemoveAsync(UserKey(name), cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { }
    }

    public TimeSpan Window => _options.Window;

    private string UserKey(string name) => _prefix + "user:" + name.ToLowerInvariant();

    private string AddressKey(string address) => _prefix + "ip:" + address;

    private async Task<int> CountAsync(string key, CancellationToken cancellationToken)
    {
        try { return await cache.GetStringAsync(key, cancellationToken) is { } value && int.TryParse(value, out var count) ? count : 0; }
        catch (Exception e) when (e is not OperationCanceledException) { return 0; }
    }

    // Not atomic across instances: two racing failures may count once, which only loosens the limit by one.
    private async Task IncrementAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetStringAsync(key, (await CountAsync(key, cancellationToken) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.Window }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException) { }
    }
}

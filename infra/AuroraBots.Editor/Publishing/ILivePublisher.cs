using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// Makes a version live: <see cref="LocalLivePublisher"/> writes this host's live folder (files store);
/// <see cref="RedisLivePublisher"/> also tells every other host sharing the Redis.
/// </summary>
public interface ILivePublisher
{
    /// <returns>The files changed in this host's live folder.</returns>
    Task<IReadOnlyList<string>> GoLiveAsync(VersionInfo version, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken);
}

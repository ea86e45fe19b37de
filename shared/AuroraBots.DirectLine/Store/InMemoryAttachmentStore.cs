using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Uploads in memory, bounded twice: each file expires after <see cref="DirectLineOptions.UploadRetention"/>, and
/// when the total exceeds <see cref="DirectLineOptions.UploadStoreCapacityBytes"/> the oldest files go first.
/// </summary>
public sealed class InMemoryAttachmentStore(IOptions<DirectLineOptions> options, TimeProvider time) : IAttachmentStore
{
    private readonly ConcurrentDictionary<string, (StoredAttachment File, DateTimeOffset StoredAt)> _files = new();
    private readonly ConcurrentQueue<string> _order = new();
    private long _totalBytes;

    public Task PutAsync(string id, StoredAttachment attachment, CancellationToken cancellationToken)
    {
        _files[id] = (attachment, time.GetUtcNow());
        _order.Enqueue(id);
        Interlocked.Add(ref _totalBytes, attachment.Content.Length);
        while (Interlocked.Read(ref _totalBytes) > options.Value.UploadStoreCapacityBytes && _order.TryDequeue(out var oldest))
            if (_files.TryRemove(oldest, out var evicted)) Interlocked.Add(ref _totalBytes, -evicted.File.Content.Length);
        return Task.CompletedTask;
    }

    public Task<StoredAttachment?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!_files.TryGetValue(id, out var entry)) return Task.FromResult<StoredAttachment?>(null);
        if (time.GetUtcNow() - entry.StoredAt > options.Value.UploadRetention)
        {
            if (_files.TryRemove(id, out var expired)) Interlocked.Add(ref _totalBytes, -expired.File.Content.Length);
            return Task.FromResult<StoredAttachment?>(null);
        }
        return Task.FromResult<StoredAttachment?>(entry.File);
    }

    /// <summary>Drops expired files (called by the channel's housekeeping).</summary>
    public void RemoveExpired()
    {
        var cutoff = time.GetUtcNow() - options.Value.UploadRetention;
        foreach (var (id, entry) in _files)
            if (entry.StoredAt < cutoff && _files.TryRemove(id, out var expired)) Interlocked.Add(ref _totalBytes, -expired.File.Content.Length);
    }
}

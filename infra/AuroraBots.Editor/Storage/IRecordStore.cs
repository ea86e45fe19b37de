namespace AuroraBots.Editor.Storage;

/// <summary>
/// A few small records kept by key (users added by admins, reviews): a JSON file under <c>DataPath</c> for the embedded
/// default (<see cref="FileRecordStore{T}"/>), a Redis hash when configured (<see cref="RedisRecordStore{T}"/>), so
/// every host instance sees the same records.
/// </summary>
public interface IRecordStore<T>
{
    Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the record with the same key.</summary>
    Task SaveAsync(T record, CancellationToken cancellationToken);

    /// <summary>False when there was no record with that key.</summary>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken);
}

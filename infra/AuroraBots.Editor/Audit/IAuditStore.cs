namespace AuroraBots.Editor.Audit;

/// <summary>Where <see cref="AuditLog"/> keeps its entries: append-only, read newest first.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAsync(int take, CancellationToken cancellationToken);
}

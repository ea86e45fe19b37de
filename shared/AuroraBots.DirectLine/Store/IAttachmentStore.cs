namespace AuroraBots.DirectLine.Store;

/// <summary>Uploaded files, served back through capability URLs (the random id is the only key).</summary>
public interface IAttachmentStore
{
    Task PutAsync(string id, StoredAttachment attachment, CancellationToken cancellationToken);

    Task<StoredAttachment?> GetAsync(string id, CancellationToken cancellationToken);
}

public sealed record StoredAttachment(string ContentType, string FileName, byte[] Content);

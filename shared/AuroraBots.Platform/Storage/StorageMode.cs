namespace AuroraBots.Platform.Storage;

/// <summary>Where everything that must outlive a request is kept: the whole process decides once.</summary>
public enum StorageMode
{
    /// <summary>In this process's memory (and the editor's files): the embedded single-process default.</summary>
    Memory,

    /// <summary>In the Redis of <c>ConnectionStrings:Redis</c>, shared by every instance.</summary>
    Redis,
}

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// The in-process state of one conversation: the append lock that makes sequences gap-free, the open sockets,
/// and the turn queue that runs bot turns one at a time in posted order. Rebuilt from the store on demand, so
/// idle runtimes can be evicted (<see cref="Retired"/> tells late users to fetch a fresh one).
/// </summary>
internal sealed class ConversationRuntime(string conversationId)
{
    public string ConversationId { get; } = conversationId;
    public SemaphoreSlim AppendLock { get; } = new(1, 1);

    // The fields below are guarded by AppendLock.
    public bool Retired;
    public bool Loaded;
    public long LastSequence;
    public DateTimeOffset LastTimestamp;
    public long LiveCounter;

    public long LastUsedTicks;

    private IActivitySubscriber[] _subscribers = [];
    private readonly Lock _subscribersLock = new();

    public IActivitySubscriber[] Subscribers => Volatile.Read(ref _subscribers);

    public void AddSubscriber(IActivitySubscriber subscriber)
    {
        lock (_subscribersLock) _subscribers = [.. _subscribers, subscriber];
    }

    public void RemoveSubscriber(IActivitySubscriber subscriber)
    {
        lock (_subscribersLock) _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
    }

    // Turn queue, guarded by TurnsLock.
    public readonly Lock TurnsLock = new();
    public readonly Queue<Func<Task>> Turns = new();
    public bool TurnsRunning;

    public bool IsIdle => Subscribers.Length == 0 && !Volatile.Read(ref TurnsRunning);
}

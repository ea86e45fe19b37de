namespace AuroraBots.Testing;

/// <summary>
/// A clock for a whole running host: the test moves "now" forward (token and receipt expiry without waiting), while
/// timers and delays — the host's background loops, the HTTP client's retry back-off — run on real time.
/// <c>FakeTimeProvider</c> (used for unit tests) freezes those too, which hangs a host whose client retries after a delay.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset? start = null) : TimeProvider
{
    private long _offsetTicks = start is { } s ? (s - TimeProvider.System.GetUtcNow()).Ticks : 0;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

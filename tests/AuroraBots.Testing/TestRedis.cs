namespace AuroraBots.Testing;

/// <summary>
/// The Redis tests use: the one in <c>AURORABOTS_TEST_REDIS</c> (host:port; scripts/test.sh starts one for the whole
/// run) when set, otherwise a private <see cref="RedisServerProcess"/> owned by the caller.
/// </summary>
public sealed class TestRedis : IDisposable
{
    public const string EnvironmentVariable = "AURORABOTS_TEST_REDIS";

    private readonly RedisServerProcess? _own;

    private TestRedis(string configuration, RedisServerProcess? own) => (Configuration, _own) = (configuration, own);

    /// <summary>host:port, usable as a StackExchange.Redis configuration string.</summary>
    public string Configuration { get; }

    public static async Task<TestRedis> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external)) return new TestRedis(external, null);
        var own = await RedisServerProcess.StartAsync();
        return new TestRedis(own.Configuration, own);
    }

    public void Dispose() => _own?.Dispose();
}

namespace AuroraBots.Agents.Tests;

/// <summary>Tests sharing one Redis (<see cref="AuroraBots.Testing.RedisFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

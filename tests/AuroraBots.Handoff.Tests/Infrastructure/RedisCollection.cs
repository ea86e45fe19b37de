namespace AuroraBots.Handoff.Tests.Infrastructure;

/// <summary>Tests sharing one Redis (<see cref="AuroraBots.Testing.RedisFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<AuroraBots.Testing.RedisFixture>
{
    public const string Name = "redis";
}

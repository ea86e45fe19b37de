using Microsoft.Extensions.Time.Testing;
using AuroraBots.Platform.Storage;
using AuroraBots.Handoff.Ledger;
using AuroraBots.Handoff.Tests.Infrastructure;

namespace AuroraBots.Handoff.Tests.Ledger;

/// <summary>The behaviour every <see cref="IConsentLedger"/> must have; run against memory and real Redis.</summary>
public abstract class ConsentLedgerContract
{
    protected readonly FakeTimeProvider Time = new();

    protected abstract IConsentLedger CreateLedger();

    protected ConsentReceipt Receipt(string subject, string id, string[] attributes, TimeSpan? age = null) =>
        new(id, subject, "frontdesk", "work", RecipientKinds.Bot, "Näytämme kuntasi palvelut.", attributes, "fi",
            Time.GetUtcNow() - (age ?? TimeSpan.Zero), Time.GetUtcNow() + TimeSpan.FromHours(1));

    [Fact]
    public async Task A_receipt_reads_back_with_names_only()
    {
        var ledger = CreateLedger();
        var receipt = Receipt("s_a", "cr_1", ["municipality_code", "age"]);
        await ledger.AddAsync(receipt);

        var read = await ledger.GetAsync("cr_1");

        Assert.NotNull(read);
        Assert.Equal(["municipality_code", "age"], read.Attributes);
        Assert.Equal("work", read.Recipient);
        Assert.Equal(receipt.ExpiresAt, read.ExpiresAt);
        Assert.Equal(ConsentDecisions.Shared, read.Decision);
    }

    [Fact]
    public async Task Adding_the_same_id_twice_is_refused()
    {
        var ledger = CreateLedger();
        await ledger.AddAsync(Receipt("s_a", "cr_dup", ["age"]));

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.AddAsync(Receipt("s_b", "cr_dup", ["age"])));
        Assert.Equal("s_a", (await ledger.GetAsync("cr_dup"))!.Subject);
    }

    [Fact]
    public async Task A_subject_lists_only_its_own_receipts_newest_first()
    {
        var ledger = CreateLedger();
        await ledger.AddAsync(Receipt("s_me", "cr_old", ["age"], age: TimeSpan.FromMinutes(5)));
        await ledger.AddAsync(Receipt("s_other", "cr_theirs", ["age"]));
        await ledger.AddAsync(Receipt("s_me", "cr_new", [], age: TimeSpan.FromMinutes(1)));

        var mine = await ledger.ListAsync("s_me");

        Assert.Equal(["cr_new", "cr_old"], mine.Select(r => r.Id));
        Assert.Equal(ConsentDecisions.Declined, mine[0].Decision);
    }

    [Fact]
    public async Task Only_the_subject_can_revoke_and_revocation_sticks()
    {
        var ledger = CreateLedger();
        await ledger.AddAsync(Receipt("s_me", "cr_r", ["municipality_code"]));

        Assert.Null(await ledger.RevokeAsync("s_intruder", "cr_r", Time.GetUtcNow()));
        Assert.Null((await ledger.GetAsync("cr_r"))!.RevokedAt);

        var revoked = await ledger.RevokeAsync("s_me", "cr_r", Time.GetUtcNow());
        Assert.NotNull(revoked?.RevokedAt);
        Assert.False((await ledger.GetAsync("cr_r"))!.IsActiveAt(Time.GetUtcNow()));
        Assert.Null(await ledger.RevokeAsync("s_me", "cr_missing", Time.GetUtcNow()));
    }

    [Fact]
    public async Task An_update_after_revocation_keeps_the_revocation()
    {
        var ledger = CreateLedger();
        var receipt = Receipt("s_me", "cr_u", ["age"]);
        await ledger.AddAsync(receipt);
        await ledger.RevokeAsync("s_me", "cr_u", Time.GetUtcNow());

        await ledger.UpdateAsync(receipt with { Outcome = TransferOutcomes.Delivered, TokenHash = "abc" });

        var read = await ledger.GetAsync("cr_u");
        Assert.Equal(TransferOutcomes.Delivered, read!.Outcome);
        Assert.NotNull(read.RevokedAt);
    }

    [Fact]
    public async Task A_receipt_is_found_by_its_token_hash()
    {
        var ledger = CreateLedger();
        var receipt = Receipt("s_me", "cr_t", ["age"]);
        await ledger.AddAsync(receipt);
        await ledger.UpdateAsync(receipt with { TokenHash = "hash-1", Outcome = TransferOutcomes.Delivered });

        Assert.Equal("cr_t", (await ledger.FindByTokenHashAsync("hash-1"))?.Id);
        Assert.Null(await ledger.FindByTokenHashAsync("hash-2"));
    }

    [Fact]
    public async Task A_token_can_be_marked_redeemed_once_and_released_after_a_failure()
    {
        var ledger = CreateLedger();

        Assert.True(await ledger.TryMarkRedeemedAsync("h", TimeSpan.FromMinutes(5)));
        Assert.False(await ledger.TryMarkRedeemedAsync("h", TimeSpan.FromMinutes(5)));

        await ledger.UnmarkRedeemedAsync("h");
        Assert.True(await ledger.TryMarkRedeemedAsync("h", TimeSpan.FromMinutes(5)));
    }
}

public sealed class InMemoryConsentLedgerTests : ConsentLedgerContract
{
    protected override IConsentLedger CreateLedger() => new InMemoryConsentLedger(Time);
}

[Collection(RedisCollection.Name)]
public sealed class RedisConsentLedgerTests(RedisFixture redis) : ConsentLedgerContract, IAsyncLifetime
{
    private readonly List<SharedRedis> _connections = [];

    /// <summary>A ledger connection as one host instance would have it: its own process-wide Redis connection.</summary>
    private HandoffRedis Connect(string configuration)
    {
        var shared = new SharedRedis(configuration);
        _connections.Add(shared);
        return new HandoffRedis(shared);
    }

    protected override IConsentLedger CreateLedger()
    {
        var connection = Connect(redis.Configuration);
        return new RedisConsentLedger(connection, RedisFixture.UniquePrefix(), TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Receipts_survive_a_new_connection_and_expire_after_the_retention()
    {
        var prefix = RedisFixture.UniquePrefix();
        var first = Connect(redis.Configuration);
        await new RedisConsentLedger(first, prefix, TimeSpan.FromDays(1))
            .AddAsync(Receipt("s_p", "cr_p", ["municipality_code"]));

        var second = Connect(redis.Configuration);
        var read = await new RedisConsentLedger(second, prefix, TimeSpan.FromDays(1)).ListAsync("s_p");
        Assert.Equal("cr_p", Assert.Single(read).Id);

        var db = await second.DatabaseAsync(CancellationToken.None);
        Assert.True((await db.KeyTimeToLiveAsync($"{prefix}receipt:cr_p")) > TimeSpan.FromHours(23));
    }

    [Fact]
    public async Task An_unreachable_redis_is_reported_as_unavailable()
    {
        var dead = Connect($"127.0.0.1:{RedisFixture.FreePort()},connectTimeout=500,syncTimeout=500,asyncTimeout=500");
        var ledger = new RedisConsentLedger(dead, RedisFixture.UniquePrefix(), TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<ConsentLedgerUnavailableException>(() => ledger.AddAsync(Receipt("s_x", "cr_x", ["age"])));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}

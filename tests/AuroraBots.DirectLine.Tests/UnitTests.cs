using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Tokens;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Tests;

public sealed class UnitTests
{
    private static DirectLineTokenService Tokens(TimeProvider time, string key = "unit-test-key-0123456789abcdef0123", TimeSpan? lifetime = null) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = key, TokenLifetime = lifetime ?? TimeSpan.FromMinutes(30) }), time,
            NullLogger<DirectLineTokenService>.Instance);

    [Fact]
    public async Task Token_is_valid_until_its_lifetime_then_expired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var tokens = Tokens(time);
        var token = await tokens.GenerateTokenAsync("bot", new DirectLineTokenRequest { UserId = "u1" });
        Assert.Equal(1800, token.ExpiresIn);
        time.Advance(TimeSpan.FromMinutes(29));
        var valid = tokens.Validate(token.Token, TokenClaims.ConversationScope);
        Assert.Equal(TokenValidationStatus.Valid, valid.Status);
        Assert.Equal(("bot", token.ConversationId, "u1"), (valid.Claims!.BotId, valid.Claims.ConversationId, valid.Claims.UserId));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TokenValidationStatus.Expired, tokens.Validate(token.Token, TokenClaims.ConversationScope).Status);
    }

    [Fact]
    public async Task Lifetime_below_30_minutes_is_raised_to_30()
    {
        var tokens = Tokens(TimeProvider.System, lifetime: TimeSpan.FromMinutes(5));
        Assert.Equal(1800, (await tokens.GenerateTokenAsync("bot", new DirectLineTokenRequest())).ExpiresIn);
    }

    [Fact]
    public async Task Tampered_token_or_another_key_or_wrong_scope_is_invalid()
    {
        var tokens = Tokens(TimeProvider.System);
        var token = (await tokens.GenerateTokenAsync("bot", new DirectLineTokenRequest { UserId = "u1" })).Token;
        var parts = token.Split('.');
        var forgedPayload = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("\"u1\"", "\"u2\"")));
        Assert.Equal(TokenValidationStatus.Invalid, tokens.Validate($"{parts[0]}.{forgedPayload}.{parts[2]}", TokenClaims.ConversationScope).Status);
        Assert.Equal(TokenValidationStatus.Invalid, Tokens(TimeProvider.System, "another-key-0123456789abcdef012345").Validate(token, TokenClaims.ConversationScope).Status);
        Assert.Equal(TokenValidationStatus.Invalid, tokens.Validate(token, TokenClaims.StreamScope).Status);
        Assert.Equal(TokenValidationStatus.Invalid, tokens.Validate("not.a.jwt", TokenClaims.ConversationScope).Status);
    }

    [Fact]
    public async Task User_ids_that_are_not_url_safe_are_refused()
    {
        var tokens = Tokens(TimeProvider.System);
        await Assert.ThrowsAsync<ArgumentException>(() => tokens.GenerateTokenAsync("bot", new DirectLineTokenRequest { UserId = "a/b" }));
    }

    [Theory]
    [InlineData(null, "fi")]
    [InlineData("fi-FI", "fi")]
    [InlineData("sv-SE", "sv")]
    [InlineData("sv", "sv")]
    [InlineData("en-US", "en")]
    [InlineData("de-DE", "fi")] // one fallback for the whole platform (configuration Languages:Fallback)
    public void Languages_map_locales_to_fi_sv_en(string? locale, string expected) => Assert.Equal(expected, AuroraBots.Platform.Languages.Default.Resolve(locale));

    [Fact]
    public void Languages_come_from_configuration()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Languages:Supported:0"] = "fi", ["Languages:Supported:1"] = "sv", ["Languages:Fallback"] = "sv",
        }).Build();
        var languages = AuroraBots.Platform.Languages.From(configuration);
        Assert.Equal(["fi", "sv"], languages.Supported);
        Assert.Equal(("sv", null, "fi"), (languages.Resolve("en-GB"), languages.Find("en-GB"), languages.Resolve("fi-FI")));
    }

    [Fact]
    public async Task In_memory_log_is_capped_and_reads_after_the_watermark()
    {
        var store = new InMemoryConversationStore(Options.Create(new DirectLineOptions { MaxActivitiesPerConversation = 3 }), TimeProvider.System);
        await store.TryCreateAsync(new ConversationRecord { Id = "c", BotId = "b", ServiceUrl = "http://x/", CreatedAt = DateTimeOffset.UtcNow }, default);
        for (var i = 1; i <= 5; i++) await store.AppendAsync("c", new Activity { Type = "message", Text = $"m{i}" }, default, default);
        Assert.Equal(5, await store.GetLastSequenceAsync("c", default));
        Assert.Equal([3L, 4L, 5L], (await store.ReadAfterAsync("c", 0, 10, default)).Select(a => a.Sequence));
        Assert.Equal([5L], (await store.ReadAfterAsync("c", 4, 10, default)).Select(a => a.Sequence));
        Assert.Empty(await store.ReadAfterAsync("c", 5, 10, default));
        Assert.Equal([3L], (await store.ReadAfterAsync("c", 1, 1, default)).Select(a => a.Sequence));
    }

    [Fact]
    public async Task Idle_conversations_are_forgotten()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var store = new InMemoryConversationStore(Options.Create(new DirectLineOptions()), time);
        await store.TryCreateAsync(new ConversationRecord { Id = "c", BotId = "b", ServiceUrl = "http://x/", CreatedAt = time.GetUtcNow() }, default);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, store.RemoveIdle(TimeSpan.FromHours(2)));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, store.RemoveIdle(TimeSpan.FromHours(2)));
        Assert.Null(await store.GetAsync("c", default));
    }

    [Fact]
    public void Timestamps_are_written_in_utc_with_z()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Activity { Type = "message", Timestamp = DateTimeOffset.Parse("2026-01-01T12:00:00.5+02:00") },
            SchemaJsonContext.Default.Activity);
        Assert.Contains("\"timestamp\":\"2026-01-01T10:00:00.500Z\"", json);
    }
}

public sealed class StreamSessionTests
{
    [Fact]
    public void A_client_that_stops_reading_is_dropped_once_its_backlog_is_full()
    {
        using var socket = System.Net.WebSockets.WebSocket.CreateFromStream(new MemoryStream(), new System.Net.WebSockets.WebSocketCreationOptions { IsServer = true });
        var session = new Streaming.StreamSession(socket, null!, "c", 0);
        for (var i = 1; i <= Streaming.StreamSession.MaxBacklog; i++) session.OnLive([1]);
        Assert.False(session.IsClosing);
        session.OnLive([1]);
        Assert.True(session.IsClosing); // it will reconnect with its watermark and replay from the log
    }
}

using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Polly.CircuitBreaker;

namespace AuroraBots.Network.Tests;

/// <summary>Down, slow and failing networks end in <see cref="AuroraAiUnavailableException"/>, never a hang or crash.</summary>
public sealed class ClientResilienceTests
{
    private static readonly RecommendServiceRequest Recommend = new() { LifeSituationMeters = new() { ["health"] = [3] } };
    private static readonly string Token = new('a', 64);

    [Fact]
    public async Task Network_down_is_unavailable()
    {
        await using var services = ClientFactory.Create(StubServer.ClosedPort());
        var client = services.Client();
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => client.RecommendServiceAsync(Recommend));
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => client.GetSessionAttributesAsync(Token));
    }

    [Fact]
    public async Task A_slow_network_times_out_as_unavailable()
    {
        await using var stub = await StubServer.StartAsync(async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));
        await using var services = ClientFactory.Create(stub.BaseAddress);
        var error = await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => services.Client().RecommendServiceAsync(Recommend));
        Assert.Contains("timeout", error.Message);
    }

    [Fact]
    public async Task Overload_503_is_unavailable()
    {
        await using var stub = await StubServer.StartAsync(ctx => { ctx.Response.StatusCode = 503; return ctx.Response.WriteAsync("Server busy."); });
        await using var services = ClientFactory.Create(stub.BaseAddress);
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => services.Client().TextSearchAsync(new TextSearchRequest { SearchText = "x" }));
    }

    [Fact]
    public async Task Posts_and_token_reads_are_not_retried_but_idempotent_gets_are()
    {
        await using var stub = await StubServer.StartAsync(ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        await using var services = ClientFactory.Create(stub.BaseAddress, settings: new Dictionary<string, string?> { ["AuroraAI:Client:CircuitMinimumThroughput"] = "100" });
        var client = services.Client();

        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => client.RecommendServiceAsync(Recommend));
        Assert.Equal(1, stub.Hits);

        // A single-use token may already be spent when the answer is lost: never read it twice.
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => client.GetSessionAttributesAsync(Token));
        Assert.Equal(2, stub.Hits);

        var typed = Assert.IsType<AuroraBots.AuroraAI.Client.AuroraAiClient>(client);
        Assert.False(await typed.CheckHealthAsync());
        Assert.Equal(2 + 1 + 2, stub.Hits); // the health check plus two retries
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_calling()
    {
        await using var stub = await StubServer.StartAsync(ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        await using var services = ClientFactory.Create(stub.BaseAddress, settings: new Dictionary<string, string?>
        {
            ["AuroraAI:Client:CircuitMinimumThroughput"] = "4",
            ["AuroraAI:Client:CircuitFailureRatio"] = "0.5",
            ["AuroraAI:Client:CircuitBreakDuration"] = "00:01:00",
        });
        var client = services.Client();

        var errors = new List<AuroraAiUnavailableException>();
        for (var i = 0; i < 10; i++)
            errors.Add(await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => client.RecommendServiceAsync(Recommend)));

        Assert.Equal(4, stub.Hits); // the rest never left the client
        Assert.IsType<BrokenCircuitException>(errors[^1].InnerException, exactMatch: false);
        Assert.Contains("circuit open", errors[^1].Message);
    }

    [Fact]
    public async Task Malformed_answers_are_unavailable_not_crashes()
    {
        await using var stub = await StubServer.StartAsync(ctx => { ctx.Response.ContentType = "application/json"; return ctx.Response.WriteAsync("{not json"); });
        await using var services = ClientFactory.Create(stub.BaseAddress);
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => services.Client().RecommendServiceAsync(Recommend));
    }
}

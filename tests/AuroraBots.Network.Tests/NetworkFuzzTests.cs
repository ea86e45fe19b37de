using System.Diagnostics;
using AuroraBots.Network.Tests.Infrastructure;
using CsCheck;

namespace AuroraBots.Network.Tests;

/// <summary>
/// Fuzz and abuse suite (issue 15), network part: generated JSON (valid shapes with wrong types, nesting, unicode,
/// truncation, oversize) against every POST of the embedded AuroraAI network API. Answers are 4xx or 2xx, never 5xx.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class NetworkFuzzTests : IAsyncLifetime
{
    private NetworkServer _server = null!;

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly Gen<string> Body = Gen.Frequency(
        (3, Gen.Select(FuzzInputs.JsonValue(3), FuzzInputs.JsonValue(2), FuzzInputs.JsonValue(1),
            (meters, limit, rest) => $$"""{"life_situation_meters":{{meters}},"limit":{{limit}},"session_id":{{rest}}}""")),
        (2, Gen.Select(FuzzInputs.Text, FuzzInputs.JsonValue(2), (text, rest) => $$"""{"search_text":{{FuzzInputs.Quote(text)}},"language":{{rest}}}""")),
        (3, FuzzInputs.ActivityJson));

    [Fact]
    public async Task Generated_requests_to_every_endpoint_never_get_a_5xx()
    {
        var cases = 0;
        await Gen.Select(Body, Gen.OneOf("recommend_service", "text_search", "recommendation_feedback", "session_attributes")).SampleAsync(async (json, endpoint) =>
        {
            cases++;
            var watch = Stopwatch.StartNew();
            using var response = await _server.PostAsync("service-recommender/v1/" + endpoint, json);
            Assert.True((int)response.StatusCode < 500, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{endpoint}: took {watch.Elapsed}");
        }, iter: 400, threads: 1);
        FuzzReport.Record("network-api", cases);
    }
}

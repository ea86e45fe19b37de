using AuroraBots.DirectLine.Tests.Infrastructure;
using AuroraBots.DirectLine.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.DirectLine.Tests;

/// <summary>Issue 15, item 8: the join event's site municipality is the one bound to the tenant's token, whatever the page claims.</summary>
public sealed class SiteMunicipalityBindingTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    private async Task<string?> RecordedMunicipalityAsync(string? boundTo, string claimed)
    {
        var tokens = server.App.Services.GetRequiredService<IDirectLineTokenService>();
        var token = await tokens.GenerateTokenAsync("test-bot", new DirectLineTokenRequest { UserId = "u1", SiteMunicipality = boundTo });
        using var client = server.Client(token.Token);
        var id = (string)(await client.StartAsync("""{"user":{"id":"u1"}}"""))["conversationId"]!;
        var join = """{"type":"event","name":"webchat/join","from":{"id":"u1"},"value":{"language":"fi","municipality_code":"CLAIMED"}}""";
        var echoId = await client.PostAsync(id, join.Replace("CLAIMED", claimed, StringComparison.Ordinal));
        var echo = (await client.GetAllActivitiesAsync(id)).Single(a => (string?)a["id"] == echoId);
        return (string?)echo["value"]!["municipality_code"];
    }

    [Fact]
    public async Task A_tenant_tokens_municipality_replaces_the_one_the_page_claims() =>
        Assert.Equal("837", await RecordedMunicipalityAsync("837", "091"));

    [Fact]
    public async Task A_token_without_a_site_municipality_carries_none() =>
        Assert.Null(await RecordedMunicipalityAsync(null, "091"));
}

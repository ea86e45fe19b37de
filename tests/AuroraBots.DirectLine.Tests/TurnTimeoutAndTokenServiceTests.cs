using System.Net;
using AuroraBots.DirectLine.Tests.Infrastructure;
using AuroraBots.DirectLine.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.DirectLine.Tests;

public sealed class TurnTimeoutAndTokenServiceTests
{
    [Fact]
    public async Task A_turn_over_the_timeout_gets_an_apology_and_the_next_turn_runs()
    {
        var server = new ChannelServer(["--keepalive-seconds", "1"],
            builder => builder.Services.PostConfigure<DirectLineOptions>(o => o.TurnTimeout = TimeSpan.FromSeconds(1)));
        await server.InitializeAsync();
        try
        {
            using var client = server.Client();
            var id = (string)(await client.StartAsync("""{"user":{},"locale":"en-US"}"""))["conversationId"]!;
            var slowId = await client.PostAsync(id, """{"type":"message","text":"slow","locale":"en-US","from":{"id":"u1"}}""");
            var activities = await client.WaitForAsync(id, a => ((string?)a["text"])?.StartsWith("Sorry") == true);
            Assert.Equal(slowId, (string)activities.Single(a => ((string?)a["text"])?.StartsWith("Sorry") == true)["replyToId"]!);
            await client.PostMessageAsync(id, "next");
            await client.WaitForAsync(id, a => (string?)a["text"] == "echo: next");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Token_from_the_token_service_starts_a_conversation_whose_user_cannot_be_changed_by_the_page()
    {
        var server = new ChannelServer(["--keepalive-seconds", "1"]);
        await server.InitializeAsync();
        try
        {
            // What the widget's tenant token endpoint does: no secret involved.
            var tokens = server.App.Services.GetRequiredService<IDirectLineTokenService>();
            var token = await tokens.GenerateTokenAsync("test-bot", new DirectLineTokenRequest { UserId = "citizen-1", Locale = "sv-FI" });
            Assert.True(token.ExpiresIn >= 1800);
            using var client = server.Client(token.Token);
            var start = await client.SendAsync(HttpMethod.Post, "conversations", """{"user":{"id":"someone-else"}}""");
            Assert.Equal(HttpStatusCode.Created, start.StatusCode);
            client.Credential = (string)(await DirectLineClient.JsonAsync(start))["token"]!;

            var echoId = await client.PostMessageAsync(token.ConversationId, "who am I", user: "someone-else");
            var activities = await client.WaitForAsync(token.ConversationId, a => (string?)a["text"] == "echo: who am I");
            Assert.Equal("citizen-1", (string)activities.Single(a => (string?)a["id"] == echoId)["from"]!["id"]!);
            // The bot was told about citizen-1 at start, in the token's language.
            var welcome = activities.Single(a => ((string?)a["text"])?.StartsWith("conversationUpdate") == true);
            Assert.Equal("conversationUpdate membersAdded=test-bot:bot,citizen-1:user", (string)welcome["text"]!);
            Assert.Equal("sv", (string)welcome["channelData"]!["aurora"]!["locale"]!);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

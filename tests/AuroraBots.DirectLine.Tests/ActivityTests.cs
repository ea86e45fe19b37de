using System.Net;
using System.Text.Json.Nodes;
using AuroraBots.DirectLine.Tests.Infrastructure;

namespace AuroraBots.DirectLine.Tests;

/// <summary>§7 checks 8–10, 16, 18, 22 and issue items 5 and 10: echo, replies, ordering, polling, bad input.</summary>
public sealed class ActivityTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    private async Task<(DirectLineClient Client, string Id)> StartAsync(string body = """{"user":{"id":"u1"},"locale":"fi-FI"}""")
    {
        var client = server.Client();
        var id = (string)(await client.StartAsync(body))["conversationId"]!;
        return (client, id);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","textFormat":"plain","locale":"fi-FI","localTimestamp":"2026-11-24T11:00:00+02:00","from":{"id":"u1","name":"Maija"},"channelData":{"clientActivityID":"cid-1","x":{"y":[1,2]}},"entities":[{"type":"ClientCapabilities","requiresBotState":true}],"unknownField":{"kept":true}}""")]
    [InlineData("""{"type":"event","name":"webchat/join","value":{"language":"fi"},"from":{"id":"u1"},"channelData":{"clientActivityID":"cid-1","x":{"y":[1,2]}},"unknownField":{"kept":true}}""")]
    public async Task Posted_activity_is_echoed_with_id_utc_timestamp_user_role_and_untouched_channelData(string posted)
    {
        var (client, id) = await StartAsync();
        using var _ = client;
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var activityId = await client.PostAsync(id, posted);
        var (activities, _) = await client.GetActivitiesAsync(id);
        var echo = activities.Single(a => (string?)a["id"] == activityId);

        Assert.True(Ids.IsUrlSafe(activityId));
        var timestamp = (string)echo["timestamp"]!;
        Assert.EndsWith("Z", timestamp);
        Assert.InRange(DateTimeOffset.Parse(timestamp), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal("u1", (string)echo["from"]!["id"]!);
        Assert.Equal("test-bot", (string)echo["recipient"]!["id"]!);
        Assert.Equal(id, (string)echo["conversation"]!["id"]!);
        var sent = JsonNode.Parse(posted)!;
        Assert.True(JsonNode.DeepEquals(sent["channelData"], echo["channelData"]));
        Assert.True(JsonNode.DeepEquals(sent["unknownField"], echo["unknownField"]));
    }

    [Fact]
    public async Task Bot_reply_carries_replyToId_of_the_echo_comes_after_it_and_carries_aurora_channelData()
    {
        var (client, id) = await StartAsync("""{"user":{"id":"u1"},"locale":"sv-SE"}""");
        using var _ = client;
        var echoId = await client.PostMessageAsync(id, "hej");
        var activities = await client.WaitForAsync(id, a => (string?)a["text"] == "echo: hej");
        var echoIndex = activities.FindIndex(a => (string?)a["id"] == echoId);
        var reply = activities.Single(a => (string?)a["text"] == "echo: hej");
        Assert.Equal(echoId, (string)reply["replyToId"]!);
        Assert.True(activities.IndexOf(reply) > echoIndex);
        Assert.Equal("bot", (string)reply["from"]!["role"]!);
        Assert.Equal("test-bot", (string)reply["from"]!["id"]!);
        Assert.Equal("u1", (string)reply["recipient"]!["id"]!);
        Assert.Equal("test-bot", (string)reply["channelData"]!["aurora"]!["bot"]!);
        Assert.Equal("sv", (string)reply["channelData"]!["aurora"]!["locale"]!);
        Assert.True(string.CompareOrdinal((string)reply["timestamp"]!, (string)activities[echoIndex]["timestamp"]!) > 0);
    }

    [Fact]
    public async Task Post_returns_before_a_slow_bot_finishes()
    {
        var (client, id) = await StartAsync();
        using var _ = client;
        var echoId = await client.PostMessageAsync(id, "slow");
        // The 200 arrived while the bot is still in its 30-second turn: the echo is there, the reply is not.
        var (activities, _) = await client.GetActivitiesAsync(id);
        Assert.Contains(activities, a => (string?)a["id"] == echoId);
        Assert.DoesNotContain(activities, a => ((string?)a["text"])?.StartsWith("slow:") == true);
    }

    [Fact]
    public async Task Turns_of_one_conversation_run_one_at_a_time_in_posted_order()
    {
        var (client, id) = await StartAsync();
        using var _ = client;
        // The first turn sleeps; if turns overlapped, "second" would be answered first.
        await client.PostMessageAsync(id, "delay 400 first");
        await client.PostMessageAsync(id, "second");
        await client.PostMessageAsync(id, "third");
        var activities = await client.WaitForAsync(id, a => (string?)a["text"] == "echo: third");
        var replies = activities.Where(a => ((string?)a["text"])?.StartsWith("echo:") == true).Select(a => (string)a["text"]!).ToList();
        Assert.Equal(["echo: first", "echo: second", "echo: third"], replies);
    }

    [Fact]
    public async Task Racing_posts_are_answered_in_the_order_they_were_recorded()
    {
        var (client, id) = await StartAsync("""{"user":{}}""");
        using var _ = client;
        client.Credential = "test-secret"; // a server-side caller: not held to a token's posts per second (RequestLimitTests)
        var posted = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => client.PostMessageAsync(id, $"race {i}")));
        var all = await client.GetAllActivitiesAsync(id);
        for (var i = 0; i < 300 && all.Count(a => (string?)a["from"]?["role"] == "bot") < 30; i++)
        {
            await Task.Delay(50);
            all = await client.GetAllActivitiesAsync(id);
        }
        var recordedOrder = all.Where(a => (string?)a["from"]!["role"] == "user").Select(a => (string)a["id"]!).ToList();
        var answeredOrder = all.Where(a => (string?)a["from"]!["role"] == "bot").Select(a => (string)a["replyToId"]!).ToList();
        Assert.Equal(recordedOrder, answeredOrder);
        Assert.Equal(posted.Order(StringComparer.Ordinal), recordedOrder);
    }

    [Theory]
    [InlineData("fi-FI", "Pahoittelut")]
    [InlineData("sv-FI", "Förlåt")]
    [InlineData("en-GB", "Sorry")]
    public async Task Failing_bot_produces_an_apology_in_the_users_language_and_the_conversation_goes_on(string locale, string apologyStart)
    {
        var (client, id) = await StartAsync("{\"user\":{\"id\":\"u1\"},\"locale\":\"" + locale + "\"}");
        using var _ = client;
        var failedId = await client.PostAsync(id, "{\"type\":\"message\",\"text\":\"fail\",\"locale\":\"" + locale + "\",\"from\":{\"id\":\"u1\"}}");
        var activities = await client.WaitForAsync(id, a => ((string?)a["text"])?.StartsWith(apologyStart) == true);
        Assert.Equal(failedId, (string)activities.Single(a => ((string?)a["text"])?.StartsWith(apologyStart) == true)["replyToId"]!);
        await client.PostMessageAsync(id, "still here");
        await client.WaitForAsync(id, a => (string?)a["text"] == "echo: still here");
    }

    [Fact]
    public async Task Polling_with_the_returned_watermark_returns_only_new_activities()
    {
        var (client, id) = await StartAsync("""{"user":{}}""");
        using var _ = client;
        await client.PostMessageAsync(id, "one");
        await client.WaitForAsync(id, a => (string?)a["text"] == "echo: one");
        var (all, watermark) = await client.GetActivitiesAsync(id);
        Assert.Equal(2, all.Count);

        var (none, same) = await client.GetActivitiesAsync(id, watermark);
        Assert.Empty(none);
        Assert.Equal(watermark, same);

        await client.PostMessageAsync(id, "two");
        await client.WaitForAsync(id, a => (string?)a["text"] == "echo: two");
        var (fresh, next) = await client.GetActivitiesAsync(id, watermark);
        Assert.Equal(["two", "echo: two"], fresh.Select(a => (string)a["text"]!));
        Assert.True(long.Parse(next) > long.Parse(watermark));
        Assert.All(fresh.Concat(all), a => Assert.True(Ids.IsUrlSafe((string)a["id"]!)));
        Assert.True(Ids.IsUrlSafe(next));
    }

    [Fact]
    public async Task Typing_is_not_listed_by_polling()
    {
        var (client, id) = await StartAsync();
        using var _ = client;
        await client.PostAsync(id, """{"type":"typing","from":{"id":"u1"},"channelData":{"clientActivityID":"t1"}}""");
        await client.PostMessageAsync(id, "typing");
        var activities = await client.WaitForAsync(id, a => (string?)a["text"] == "typed");
        Assert.DoesNotContain(activities, a => (string?)a["type"] == "typing");
    }

    // ---- bad input: a clear ErrorResponse, nothing stored ----

    private async Task AssertRejectedAndNothingStoredAsync(DirectLineClient client, string id, HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (string)(await DirectLineClient.JsonAsync(response))["error"]!["code"]!);
        var (activities, watermark) = await client.GetActivitiesAsync(id);
        Assert.Empty(activities); // started without a user: nothing else is in the log
        Assert.Equal("0", watermark);
    }

    [Fact]
    public async Task Malformed_json_is_400_and_stores_nothing()
    {
        var (client, id) = await StartAsync("""{"user":{}}""");
        using var _ = client;
        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", """{"type":"message","text":""");
        await AssertRejectedAndNothingStoredAsync(client, id, response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_stores_nothing()
    {
        var (client, id) = await StartAsync("""{"user":{}}""");
        using var _ = client;
        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", """{"type":"message","text":"x","from":{"id":"u1"}}""", "text/plain");
        await AssertRejectedAndNothingStoredAsync(client, id, response, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
    }

    [Fact]
    public async Task Activity_without_type_is_400()
    {
        var (client, id) = await StartAsync("""{"user":{}}""");
        using var _ = client;
        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", """{"text":"x","from":{"id":"u1"}}""");
        await AssertRejectedAndNothingStoredAsync(client, id, response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Activity_of_exactly_256K_utf8_bytes_is_accepted_and_one_byte_more_is_413()
    {
        var (client, id) = await StartAsync("""{"user":{}}""");
        using var _ = client;
        const string prefix = """{"type":"message","from":{"id":"u1"},"text":""";
        const string suffix = "\"}";
        // Two-byte characters: counted as UTF-8 a 256K-character body would be twice the limit (issue 15, item 3).
        var fill = 256 * 1024 - prefix.Length - 1 - suffix.Length;
        var exact = prefix + "\"" + new string('ä', fill / 2) + new string('a', fill % 2) + suffix;
        Assert.Equal(256 * 1024, System.Text.Encoding.UTF8.GetByteCount(exact));

        var tooBig = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", exact.Replace("\"}", "a\"}", StringComparison.Ordinal));
        await AssertRejectedAndNothingStoredAsync(client, id, tooBig, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");

        var accepted = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", exact);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Unknown_path_under_the_prefix_is_a_json_404()
    {
        using var client = server.Client();
        var response = await client.SendAsync(HttpMethod.Get, "nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (string)(await DirectLineClient.JsonAsync(response))["error"]!["code"]!);
    }

    [Fact]
    public async Task Cors_preflight_allows_the_widget_origin_and_refuses_others()
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, x-ms-bot-agent");
            return request;
        }
        var allowed = await http.SendAsync(Preflight("http://widget.example"));
        Assert.True(allowed.IsSuccessStatusCode);
        Assert.Equal("http://widget.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowedHeaders = allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "x-ms-bot-agent", "accept" }) Assert.Contains(header, allowedHeaders);
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var refused = await http.SendAsync(Preflight("http://evil.example"));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var client = server.Client();
        var actual = await client.SendAsync(HttpMethod.Post, "conversations", "{}", origin: "http://widget.example");
        Assert.Equal("http://widget.example", actual.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

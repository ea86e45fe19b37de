using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.DirectLine.Tests;

/// <summary>Issue 15, items 3–4: Direct Line memory is bounded per activity, per conversation and in total; uploads are bounded and their types safe.</summary>
public sealed class RequestLimitTests
{
    private static async Task<T> WithServerAsync<T>(Action<DirectLineOptions> limits, Func<ChannelServer, Task<T>> run)
    {
        var server = new ChannelServer(["--keepalive-seconds", "1"], builder => builder.Services.PostConfigure(limits));
        await server.InitializeAsync();
        try { return await run(server); }
        finally { await server.DisposeAsync(); }
    }

    private static string Message(string text) => $$"""{"type":"message","from":{"id":"u1"},"text":"{{text}}"}""";

    [Fact]
    public async Task Euro_signs_are_counted_as_utf8_bytes_and_a_flood_from_one_token_is_slowed_and_bounded() =>
        await WithServerAsync(_ => { }, async server =>
        {
            using var client = server.Client();
            var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
            // The attack: 262,000 "€" (under 256K characters, 786 KB as UTF-8), 200 times from one anonymous token.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
                statuses.Add((await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", Message(new string('€', 262_000)))).StatusCode);
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.TooManyRequests, s.ToString()));
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses); // 20 at once, then 5 per second
            var store = (InMemoryConversationStore)server.App.Services.GetRequiredService<IConversationStore>();
            Assert.Equal(0, store.TotalBytes);
            return 0;
        });

    [Fact]
    public async Task Posts_beyond_the_burst_get_429_with_retry_after_and_succeed_again_a_second_later() =>
        await WithServerAsync(o => { o.PostBurst = 3; o.PostsPerSecond = 3; }, async server =>
        {
            using var client = server.Client();
            var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
            for (var i = 0; i < 3; i++) await client.PostMessageAsync(id, $"m{i}");
            var limited = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", Message("one too many"));
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
            Assert.Equal("TooManyRequests", (string)(await DirectLineClient.JsonAsync(limited))["error"]!["code"]!);
            await Task.Delay(1200);
            await client.PostMessageAsync(id, "later");
            return 0;
        });

    [Fact]
    public async Task A_conversation_keeps_at_most_its_byte_budget_dropping_the_oldest_activities() =>
        await WithServerAsync(o => o.MaxBytesPerConversation = 64 * 1024, async server =>
        {
            using var client = server.Client();
            var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
            for (var i = 0; i < 8; i++) await client.PostMessageAsync(id, $"{i:D2} " + new string('x', 10_000));
            await client.WaitForAsync(id, a => ((string?)a["text"])?.StartsWith("echo: 07") == true);
            var kept = await client.GetAllActivitiesAsync(id);
            Assert.InRange(kept.Sum(a => Encoding.UTF8.GetByteCount(a.ToJsonString())), 20_000, 64 * 1024);
            Assert.DoesNotContain(kept, a => ((string?)a["text"])?.StartsWith("00 ") == true);
            Assert.Contains(kept, a => ((string?)a["text"])?.StartsWith("07 ") == true);
            return 0;
        });

    [Fact]
    public async Task Over_the_memory_budget_the_longest_idle_conversation_is_forgotten_first() =>
        await WithServerAsync(o => o.MemoryBudgetBytes = 150 * 1024, async server =>
        {
            using var idle = server.Client();
            var idleId = (string)(await idle.StartAsync("""{"user":{}}"""))["conversationId"]!;
            await idle.PostMessageAsync(idleId, new string('i', 30_000));
            await idle.WaitForAsync(idleId, a => ((string?)a["text"])?.StartsWith("echo:") == true);
            using var busy = server.Client();
            var busyId = (string)(await busy.StartAsync("""{"user":{}}"""))["conversationId"]!;
            for (var i = 0; i < 2; i++)
            {
                await busy.PostMessageAsync(busyId, $"{i} " + new string('b', 30_000));
                await busy.WaitForAsync(busyId, a => ((string?)a["text"])?.StartsWith($"echo: {i} ") == true);
            }
            var store = (InMemoryConversationStore)server.App.Services.GetRequiredService<IConversationStore>();
            // The echo is readable as soon as it is in the log; the eviction its append triggered finishes just after.
            for (var i = 0; i < 50 && store.TotalBytes > 150 * 1024; i++) await Task.Delay(20);
            Assert.InRange(store.TotalBytes, 1, 150 * 1024);
            Assert.Equal(HttpStatusCode.NotFound, (await idle.SendAsync(HttpMethod.Get, $"conversations/{idleId}/activities")).StatusCode);
            Assert.Equal(4, (await busy.GetAllActivitiesAsync(busyId)).Count);
            return 0;
        });

    [Fact]
    public async Task A_declared_content_type_with_cr_lf_is_stored_as_octet_stream_and_downloads_fine() =>
        await WithServerAsync(_ => { }, async server =>
        {
            using var client = server.Client();
            var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
            var form = new MultipartFormDataContent();
            var activity = new StringContent("""
                {"type":"message","from":{"id":"u1"},"attachments":[{"contentType":"text/html\r\nSet-Cookie: a=b","name":"a.txt"}]}
                """, Encoding.UTF8);
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            form.Add(new ByteArrayContent("hello"u8.ToArray()), "file", "a.txt");
            var response = await client.UploadAsync(id, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var echoId = (string)(await DirectLineClient.JsonAsync(response))["id"]!;
            var echo = (await client.GetAllActivitiesAsync(id)).Single(a => (string?)a["id"] == echoId);
            var attachment = echo["attachments"]![0]!;
            Assert.Equal("application/octet-stream", (string)attachment["contentType"]!);
            for (var i = 0; i < 3; i++)
            {
                using var anonymous = new HttpClient();
                var download = await anonymous.GetAsync((string)attachment["contentUrl"]!);
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal("hello", await download.Content.ReadAsStringAsync());
            }
            return 0;
        });

    [Fact]
    public async Task A_chunked_upload_over_the_limit_is_413_without_reading_it_all() =>
        await WithServerAsync(o => o.MaxUploadBytes = 64 * 1024, async server =>
        {
            using var client = server.Client();
            var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
            var form = new MultipartFormDataContent();
            var activity = new StringContent("""{"type":"message","from":{"id":"u1"}}""", Encoding.UTF8);
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            var endless = new EndlessStream(50L * 1024 * 1024);
            form.Add(new StreamContent(endless), "file", "big.bin");
            HttpResponseMessage response;
            try { response = await client.UploadAsync(id, form, chunked: true); }
            catch (HttpRequestException) { response = new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge); } // the server may close mid-send
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.True(endless.Position < 10L * 1024 * 1024, $"the server read {endless.Position} bytes");
            Assert.DoesNotContain(await client.GetAllActivitiesAsync(id), a => (string?)a["from"]!["role"] == "user");
            return 0;
        });

    /// <summary>A body of <c>length</c> zero bytes produced on demand, recording how far it was read.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            Array.Clear(buffer, offset, n);
            Position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

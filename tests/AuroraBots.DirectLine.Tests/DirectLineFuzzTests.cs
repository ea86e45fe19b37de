using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AuroraBots.DirectLine.Tests.Infrastructure;
using CsCheck;

namespace AuroraBots.DirectLine.Tests;

/// <summary>
/// Fuzz and abuse suite (issue 15), Direct Line part: generated malformed and oversized requests — JSON bodies,
/// unicode, headers, multipart uploads — against the real channel on Kestrel. Every answer is below 500, arrives
/// in bounded time, and the channel still serves a normal conversation afterwards.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class DirectLineFuzzTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    private static readonly TimeSpan MaxPerRequest = TimeSpan.FromSeconds(10);
    private static readonly Gen<string> ContentType = Gen.OneOf("application/json", "application/json; charset=utf-8",
        "application/vnd.microsoft.activity", "text/plain", "multipart/form-data; boundary=x", "application/json; charset=latin1", "");
    private static readonly Gen<string> Credential = Gen.Frequency(
        (4, Gen.Const("secret")), (1, FuzzInputs.Text.Select(t => new string(t.Where(c => c is > ' ' and < '\u007f').ToArray()))),
        (1, Gen.OneOf("a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.x", new string('x', 9000))));

    private static async Task AssertHandledAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.True(watch.Elapsed < MaxPerRequest, $"{what}: took {watch.Elapsed}");
    }

    [Fact]
    public async Task Generated_activity_posts_headers_and_credentials_never_get_a_5xx()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
        var token = client.Credential!;
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var cases = 0;
        await Gen.Select(FuzzInputs.ActivityJson, ContentType, Credential).SampleAsync(async (body, contentType, credential) =>
        {
            Interlocked.Increment(ref cases);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            if (contentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            // A bot secret is not rate limited, so most cases reach the parser; the rest try broken credentials.
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (credential == "secret" ? "test-secret" : credential));
            await AssertHandledAsync(() => http.SendAsync(request), "POST activity");
        }, iter: 400, threads: 1);

        // Other endpoints with generated path segments, watermarks and origins.
        await Gen.Select(FuzzInputs.Text, FuzzInputs.Text).SampleAsync(async (segment, origin) =>
        {
            Interlocked.Increment(ref cases);
            var path = $"/v3/directline/conversations/{Uri.EscapeDataString(segment)}/activities?watermark={Uri.EscapeDataString(origin)}";
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            request.Headers.TryAddWithoutValidation("Origin", new string(origin.Where(c => c is > ' ' and < '\u007f').ToArray()));
            await AssertHandledAsync(() => http.SendAsync(request), "GET activities");
        }, iter: 150, threads: 1);

        await client.PostMessageAsync(id, "still here");
        await client.WaitForAsync(id, a => (string?)a["text"] == "echo: still here");
        FuzzReport.Record("directline-activities", cases);
    }

    [Fact]
    public async Task Generated_multipart_uploads_never_get_a_5xx()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
        client.Credential = "test-secret";
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var cases = 0;
        var part = Gen.Select(Gen.OneOf("activity", "file", "other", ""), FuzzInputs.Text, FuzzInputs.Text, FuzzInputs.ActivityJson,
            (name, fileName, type, body) =>
                $"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {type}\r\n\r\n{body}\r\n");
        await Gen.Select(part.Array[0, 4], Gen.OneOf("b", "boundary-0123", "\"q\"", ""), Gen.Bool).SampleAsync(async (parts, boundary, truncate) =>
        {
            Interlocked.Increment(ref cases);
            var raw = string.Concat(parts.Select(p => $"--{boundary.Trim('"')}\r\n{p}")) + (truncate ? "" : $"--{boundary.Trim('"')}--\r\n");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/upload?userId=u1") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw)) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer test-secret");
            await AssertHandledAsync(() => http.SendAsync(request), "POST upload");
        }, iter: 250, threads: 1);
        FuzzReport.Record("directline-uploads", cases);
    }
}

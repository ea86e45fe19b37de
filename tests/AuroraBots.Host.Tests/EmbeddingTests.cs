using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace AuroraBots.Host.Tests;

/// <summary>The widget on the host's own pages (same-origin GETs carry no Origin) and the Web Chat bundle's encodings and caching.</summary>
public class EmbeddingTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin", HttpStatusCode.OK)]
    [InlineData("Referer", "http://localhost/demo-sites/tampere/", HttpStatusCode.OK)]
    [InlineData("Sec-Fetch-Site", "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("Referer", "http://evil.example/page", HttpStatusCode.Forbidden)]
    public async Task A_config_GET_without_Origin_is_served_only_when_it_comes_from_this_hosts_own_page(string header, string value, HttpStatusCode expected)
    {
        var request = factory.Request(HttpMethod.Get, "/api/tenants/tampere/config", origin: null);
        request.Headers.Add(header, value);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_config_points_the_widget_at_the_versioned_bundle_with_its_integrity()
    {
        var config = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Get, "/api/tenants/tampere/config", HostFactory.TampereSite));
        var webChat = (await config.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webChat");
        Assert.Matches("/lib/webchat/[0-9a-f]{20}/webchat.js$", webChat.GetProperty("url").GetString());

        var response = await factory.CreateClient().GetAsync(webChat.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365));
        Assert.Contains("immutable", response.Headers.CacheControl.Extensions.Select(e => e.Name));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(webChat.GetProperty("integrity").GetString(), "sha384-" + Convert.ToBase64String(SHA384.HashData(bytes)));
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task The_bundle_is_sent_compressed_under_1_2_MB_and_decodes_to_the_same_bytes(string acceptEncoding, string expected)
    {
        var client = factory.CreateClient();
        var identity = await client.GetByteArrayAsync("/lib/webchat/webchat.js");
        var request = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat/webchat.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.Content.Headers.ContentEncoding.Single());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var encoded = await response.Content.ReadAsByteArrayAsync();
        Assert.True(encoded.Length <= 1.2 * 1024 * 1024, $"{encoded.Length} bytes");
        using Stream decoder = expected == "br" ? new BrotliStream(new MemoryStream(encoded), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(encoded), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(identity, decoded.ToArray());
    }

    [Fact]
    public async Task A_repeat_request_with_the_etag_is_304_and_an_old_version_is_404()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/lib/webchat/webchat.js");
        var again = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat/webchat.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/lib/webchat/0000000000/webchat.js")).StatusCode);
    }

    [Fact]
    public async Task Favicon_is_served()
    {
        var response = await factory.CreateClient().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }
}

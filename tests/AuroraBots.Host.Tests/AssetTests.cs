using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace AuroraBots.Host.Tests;

public class AssetTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Theory]
    [InlineData("/widget.js", "text/javascript", "widget.js")]
    [InlineData("/widget.css", "text/css", "widget.css")]
    [InlineData("/lib/webchat/webchat.js", "text/javascript", "webchat.js")]
    public async Task Assets_are_served_with_their_type_cors_and_the_advertised_sri_hash(string path, string mediaType, string name)
    {
        var client = factory.CreateClient();
        var integrity = await client.GetFromJsonAsync<Dictionary<string, string>>("/api/widget/integrity");
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("sha384-" + Convert.ToBase64String(SHA384.HashData(bytes)), integrity![name]);
    }

    [Fact]
    public async Task Widget_script_is_revalidated_by_etag()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/widget.js");
        var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Web_chat_is_the_pinned_self_hosted_4_18_1_bundle_with_its_licence()
    {
        var client = factory.CreateClient();
        var bundle = await client.GetStringAsync("/lib/webchat/webchat.js");
        Assert.Contains("4.18.1", bundle);
        var licence = await client.GetAsync("/lib/webchat/webchat.js.LICENSE.txt");
        Assert.Equal(HttpStatusCode.OK, licence.StatusCode);
    }
}

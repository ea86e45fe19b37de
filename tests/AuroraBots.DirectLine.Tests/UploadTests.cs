using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuroraBots.DirectLine.Tests.Infrastructure;

namespace AuroraBots.DirectLine.Tests;

/// <summary>§7 check 17: DirectLineJS-style multipart upload, file matching by name, capability URLs.</summary>
public sealed class UploadTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    private static MultipartFormDataContent Upload(string activityJson, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        var activity = new StringContent(activityJson, Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        foreach (var (name, type, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "file", name);
        }
        return form;
    }

    [Fact]
    public async Task Two_files_with_the_same_name_reach_the_bot_matched_by_deduplicated_name_and_load_without_authorization()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], text = Encoding.UTF8.GetBytes("second file");
        // DirectLineJS renames the second "a.png" to "a (1).png"; files may arrive in any order.
        var form = Upload("""
            {"type":"message","channelData":{"clientActivityID":"up1","attachmentSizes":[7,11]},
             "attachments":[{"contentType":"image/png","name":"a.png"},{"contentType":"text/plain","name":"a (1).png"}]}
            """, ("a (1).png", "text/plain", text), ("a.png", "image/png", png));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/upload?userId=u1") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Credential);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoId = (string)(await DirectLineClient.JsonAsync(response))["id"]!;

        var activities = await client.WaitForAsync(id, a => ((string?)a["text"])?.StartsWith("attachments:") == true);
        var echo = activities.Single(a => (string?)a["id"] == echoId);
        Assert.Equal("up1", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal("u1", (string)echo["from"]!["id"]!); // the userId of upload?userId=u1
        var attachments = echo["attachments"]!.AsArray();
        Assert.Equal(["a.png", "a (1).png"], attachments.Select(a => (string)a!["name"]!));

        // One bot message, attachments in declared order, each with its own file behind a capability URL.
        var botText = (string)activities.Single(a => ((string?)a["text"])?.StartsWith("attachments:") == true)["text"]!;
        Assert.StartsWith("attachments: a.png|image/png|http", botText);
        Assert.Contains(";a (1).png|text/plain|http", botText);
        using var anonymous = new HttpClient();
        var image = await anonymous.GetAsync((string)attachments[0]!["contentUrl"]!);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        var second = await anonymous.GetAsync((string)attachments[1]!["contentUrl"]!);
        Assert.Equal(text, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", second.Content.Headers.ContentType!.MediaType); // non-media is never inline
    }

    [Fact]
    public async Task Upload_without_multipart_is_415_and_without_activity_part_400()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
        var notMultipart = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/upload?userId=u1", "{}");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);

        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2]), "file", "x.bin" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/upload?userId=u1") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Credential);
        var noActivity = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, noActivity.StatusCode);
        var (activities, _) = await client.GetActivitiesAsync(id);
        Assert.Empty(activities);
    }

    [Fact]
    public async Task Unknown_attachment_id_is_404()
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseUrl };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/v3/directline/attachments/doesnotexist")).StatusCode);
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

/// <summary>Small helpers over the editor's HTTP API.</summary>
public static class Api
{
    public static async Task<(string Content, string ETag)> ReadFileAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync($"/editor/api/files/{path}");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(response.Headers.ETag!.Tag, body.GetProperty("eTag").GetString());
        return (body.GetProperty("content").GetString()!, response.Headers.ETag!.Tag);
    }

    public static Task<HttpResponseMessage> SaveFileAsync(this HttpClient client, string path, string content, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/editor/api/files/{path}") { Content = JsonContent.Create(new { content }) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>Reads, applies <paramref name="edit"/>, saves with the ETag read; asserts the save succeeded.</summary>
    public static async Task<JsonElement> EditFileAsync(this HttpClient client, string path, Func<string, string> edit)
    {
        var (content, etag) = await client.ReadFileAsync(path);
        var changed = edit(content);
        Assert.NotEqual(content, changed);
        var response = await client.SaveFileAsync(path, changed, etag);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient client, string comment) =>
        client.PostAsJsonAsync("/editor/api/versions", new { comment });
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.DirectLine;
using AuroraBots.Handoff;
using AuroraBots.Network;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// The editor host with the real Direct Line channel mapped (what the preview talks to), a secret for the LIVE youth
/// bot (as a citizen-facing site would have), and a small Direct Line client over raw HTTP.
/// </summary>
public static class PreviewTestSupport
{
    public const string YouthSecret = "youth-secret-for-tests-0123456789abcdef";

    /// <param name="withNetwork">Also the local AuroraAI network, the client pointed at it and the hand-off service, as the platform host has them
    /// (recommendation and hand-off steps then work like in production).</param>
    public static async Task<EditorHost> StartWithChannelAsync(Action<Dictionary<string, string?>>? settings = null, bool withNetwork = false)
    {
        WebApplication? app = null;
        var host = await EditorHost.StartAsync(
            configuration =>
            {
                configuration["DirectLine:TokenSigningKey"] = "preview-tests-signing-key-0123456789abcdef";
                configuration["DirectLine:Bots:youth:Secrets:0"] = YouthSecret;
                settings?.Invoke(configuration);
            },
            builder =>
            {
                builder.Services.AddDirectLine(builder.Configuration.GetSection("DirectLine"));
                if (!withNetwork) return;
                builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));
                builder.Services.AddAuroraAiClient(builder.Configuration.GetSection("AuroraAI:Client"));
                builder.Services.AddAuroraHandoff(builder.Configuration);
            },
            web =>
            {
                app = web;
                web.MapDirectLine();
                if (withNetwork) web.MapAuroraNetwork();
            });
        if (withNetwork)
        {
            var address = host.BaseAddress.ToString().TrimEnd('/');
            app!.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(host.BaseAddress);
            app.Services.GetRequiredService<IAuroraServiceRegistry>().RegisterBots(app.Services.GetRequiredService<IBotCatalog>(), app.Services.GetRequiredService<AuroraBots.AuroraAI.Client.ReceiverCredentials>(), address, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }
        return host;
    }

    /// <summary>PUT /editor/api/files/{path} with <c>If-None-Match: *</c> (create a new draft file).</summary>
    public static Task<HttpResponseMessage> CreateFileAsync(this HttpClient editor, string path, string content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/editor/api/files/{path}") { Content = JsonContent.Create(new { content }) };
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        return editor.SendAsync(request);
    }

    /// <summary>POST /editor/api/preview/{bot}; asserts 200 and returns the body.</summary>
    public static async Task<JsonObject> StartPreviewAsync(this HttpClient editor, string bot, string? locale = "fi")
    {
        var response = await editor.PostAsJsonAsync($"/editor/api/preview/{bot}", new { locale });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

/// <summary>A minimal Direct Line 3.0 client (start, post, poll) over HTTP, as DirectLineJS does it.</summary>
public sealed class ChatClient(Uri baseAddress, string credential) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseAddress, "/v3/directline/") };
    private string _credential = credential;
    public string ConversationId { get; private set; } = "";
    public string UserId { get; private set; } = "";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credential);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return await _http.SendAsync(request);
    }

    /// <summary>POST /conversations with the credential; a token response replaces the credential (as DirectLineJS does).</summary>
    public async Task StartAsync(string userId, string? locale = null)
    {
        UserId = userId;
        var response = await SendAsync(HttpMethod.Post, "conversations", new { user = new { id = userId }, locale });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var conversation = JsonNode.Parse(text)!;
        ConversationId = (string)conversation["conversationId"]!;
        _credential = (string)conversation["token"]!;
    }

    public async Task PostAsync(object activity)
    {
        var response = await SendAsync(HttpMethod.Post, $"conversations/{ConversationId}/activities", activity);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task SayAsync(string text, string locale = "fi-FI") =>
        PostAsync(new { type = "message", text, locale, from = new { id = UserId } });

    public Task JoinAsync(string locale) =>
        PostAsync(new { type = "event", name = "webchat/join", value = new { locale }, locale, from = new { id = UserId } });

    public async Task<List<JsonObject>> ActivitiesAsync()
    {
        var response = await SendAsync(HttpMethod.Get, $"conversations/{ConversationId}/activities");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return [.. JsonNode.Parse(text)!["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    public static List<JsonObject> BotMessages(IEnumerable<JsonObject> activities) =>
        [.. activities.Where(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot")];

    /// <summary>Polls until at least <paramref name="count"/> bot messages exist and the last one matches; fails after 20 s.</summary>
    public async Task<List<JsonObject>> WaitForBotAsync(int count, Func<JsonObject, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<JsonObject> messages = [];
        while (DateTime.UtcNow < deadline)
        {
            messages = BotMessages(await ActivitiesAsync());
            if (messages.Count >= count && (match is null || messages.Any(match))) return messages;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Expected {count} bot messages; got: {string.Join(" | ", messages.Select(m => (string?)m["text"]))}");
    }

    public static string? Text(JsonObject activity) => (string?)activity["text"];

    public void Dispose() => _http.Dispose();
}

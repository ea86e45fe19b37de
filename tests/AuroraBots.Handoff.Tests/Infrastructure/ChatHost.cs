using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuroraBots.Dialogs.State;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Handoff.Tests.Infrastructure;

/// <summary>
/// The real host (Development settings: the repository's bots, embedded AuroraAI network, memory stores) on Kestrel
/// at 127.0.0.1, spoken to over Direct Line 3.0 with the development bot secrets.
/// </summary>
public sealed class ChatHost : WebApplicationFactory<Program>
{
    public ChatHost()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Handoff:SubjectKey", NetworkHost.SubjectKey);
        builder.UseSetting("Widget:TokenRateLimit:PermitLimit", "1000");
    }

    /// <summary>Starts a conversation with <paramref name="bot"/> (its development secret) as a new user.</summary>
    public async Task<ChatConversation> StartAsync(string bot)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"dev-{bot}-secret");
        var user = "u" + Guid.NewGuid().ToString("N")[..12];
        using var started = await http.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = user } });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        return new ChatConversation(this, http, id, user);
    }

    public Task<ConversationState?> StateAsync(string conversationId) =>
        Services.GetRequiredService<ConversationStateStore>().LoadAsync(conversationId, CancellationToken.None);
}

/// <summary>One Direct Line conversation: post an activity, collect the bot's replies (polling, as DirectLineJS can).</summary>
public sealed class ChatConversation(ChatHost host, HttpClient http, string id, string user)
{
    private string? _watermark;

    public string Id => id;

    public Task<ConversationState?> StateAsync() => host.StateAsync(id);

    public Task<IReadOnlyList<string>> SayAsync(string text) =>
        SendAsync(new JsonObject { ["type"] = "message", ["text"] = text, ["locale"] = "fi-FI" });

    public Task<IReadOnlyList<string>> JoinAsync(string locale, string? accessToken = null)
    {
        var value = new JsonObject { ["locale"] = locale };
        if (accessToken is not null) value["auroraai_access_token"] = accessToken;
        return SendAsync(new JsonObject { ["type"] = "event", ["name"] = "webchat/join", ["value"] = value });
    }

    /// <summary>Posts the activity and returns the texts of the bot's activities that followed, once the bot went quiet.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(JsonObject activity)
    {
        activity["from"] = new JsonObject { ["id"] = user };
        using var posted = await http.PostAsJsonAsync($"/v3/directline/conversations/{id}/activities", activity);
        posted.EnsureSuccessStatusCode();
        var texts = new List<string>();
        var clock = Stopwatch.StartNew();
        var lastNew = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{id}/activities?watermark={_watermark}");
            _watermark = page.TryGetProperty("watermark", out var w) ? w.GetString() : _watermark;
            foreach (var a in page.GetProperty("activities").EnumerateArray())
            {
                if (a.GetProperty("from").GetProperty("id").GetString() == user) continue;
                texts.Add(a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "");
                lastNew = clock.Elapsed;
            }
            // The turn is over when the bot has answered and nothing new came for a while.
            if (texts.Count > 0 && clock.Elapsed - lastNew > TimeSpan.FromMilliseconds(800)) return texts;
            if (texts.Count == 0 && clock.Elapsed > TimeSpan.FromSeconds(4)) return texts; // a turn without replies
            await Task.Delay(100);
        }
        return texts;
    }
}

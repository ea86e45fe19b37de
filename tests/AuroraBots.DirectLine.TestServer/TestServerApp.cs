using AuroraBots.Builder;
using AuroraBots.DirectLine.Streaming;
using AuroraBots.DirectLine.TestServer.Bots;
using AuroraBots.DirectLine.Tokens;

namespace AuroraBots.DirectLine.TestServer;

/// <summary>
/// A host with only the Direct Line channel and the <see cref="TestBot"/>, plus test hooks under <c>/test</c>
/// (close all sockets; mint an expired token). Used by the xunit tests (in-process), the Node protocol suite
/// and the benchmark (as a separate process).
/// </summary>
public static class TestServerApp
{
    public const string SigningKey = "aurorabots-test-signing-key-0123456789abcdef";

    /// <summary>Options: <c>--port N</c> (default 0 = free port), <c>--redis host:port</c>, <c>--redis-prefix p</c>, <c>--keepalive-seconds N</c>.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = Option(args, "--port") ?? "0";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:Bots:test-bot:Secrets:0"] = "test-secret",
            ["DirectLine:Bots:slow-bot:Secrets:0"] = "slow-secret",
            ["DirectLine:Bots:failing-bot:Secrets:0"] = "failing-secret",
            ["DirectLine:Bots:other-bot:Secrets:0"] = "other-secret",
            ["DirectLine:TokenSigningKey"] = SigningKey,
            ["DirectLine:AllowedOrigins:0"] = "http://widget.example",
        };
        if (Option(args, "--redis") is { } redis) settings["ConnectionStrings:Redis"] = redis;
        if (Option(args, "--redis-prefix") is { } prefix) settings["DirectLine:RedisKeyPrefix"] = prefix;
        if (Option(args, "--keepalive-seconds") is { } keepAlive) settings["DirectLine:KeepAliveInterval"] = TimeSpan.FromSeconds(int.Parse(keepAlive)).ToString();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IBot, TestBot>();
        builder.Services.AddDirectLine(builder.Configuration.GetSection("DirectLine"));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDirectLine();
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/test/close-sockets", (StreamSessionRegistry sessions) =>
        {
            var count = sessions.Count;
            sessions.CloseAll();
            return Results.Ok(new { closed = count });
        });
        app.MapGet("/test/sockets", (StreamSessionRegistry sessions) => Results.Ok(new { open = sessions.Count }));
        app.MapGet("/test/expired-token", (DirectLineTokenService tokens, string conversationId, string botId, string? userId) =>
            Results.Text(tokens.Issue(new TokenClaims
            {
                BotId = botId,
                ConversationId = conversationId,
                UserId = userId,
                Scope = TokenClaims.ConversationScope,
                IssuedAt = DateTimeOffset.UtcNow.AddHours(-1),
                ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            })));
        return app;
    }

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

using AuroraBots.Builder;
using AuroraBots.Widget.Apis;
using AuroraBots.Widget.Tenants;
using AuroraBots.Widget.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Apis;

/// <summary>The bot catalogue for the demo page and the demo page's own token endpoint (same origin only, rate-limited).</summary>
public static class BotsApi
{
    public static IEndpointRouteBuilder MapBotsApi(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/api/bots");
        bots.MapGet("/", (IBotCatalog catalog) => TypedResults.Ok(catalog.Bots.Select(BotSummary.From).ToList()));
        bots.MapPost("/{botId}/token", CreateToken).RequireRateLimiting(WidgetApi.TokenRateLimitPolicy);
        return app;
    }

    internal static async Task<Results<Ok<TokenResponse>, NotFound<ProblemResponse>, ProblemHttpResult>> CreateToken(
        string botId, TokenRequest? body, HttpContext context, IBotCatalog catalog, IChatTokenIssuer issuer,
        IOptionsMonitor<WidgetOptions> widget, ILogger<BotSummary> logger, CancellationToken cancellationToken)
    {
        var bot = catalog.Find(botId);
        if (bot is null) return TypedResults.NotFound(new ProblemResponse("unknown_bot", $"No bot '{botId}' is served here."));

        // Only this host's own demo page may use this endpoint; embedding sites go through their tenant. With a
        // configured public URL only that origin counts: the Host header is the client's to choose.
        var ownOrigin = $"{context.Request.Scheme}://{context.Request.Host}";
        var origin = context.Request.Headers.Origin.ToString();
        var configured = widget.CurrentValue.PublicBaseUrl;
        var demoOrigin = string.IsNullOrWhiteSpace(configured) ? ownOrigin
            : Uri.TryCreate(configured, UriKind.Absolute, out var publicUrl) ? publicUrl.GetLeftPart(UriPartial.Authority) : "";
        if (!OriginMatcher.IsAllowed(origin, [demoOrigin]))
            return TypedResults.Problem("The demo token endpoint only serves this host's own pages.", statusCode: StatusCodes.Status403Forbidden, title: "origin_not_allowed");

        var language = ChatLocales.LanguageOf(body?.Language) is { } requested && bot.Languages.Contains(requested) ? requested : bot.DefaultLanguage;
        var userId = ChatLocales.NewUserId();
        try
        {
            var token = await issuer.IssueAsync(new ChatTokenRequest(bot.Id, userId, ChatLocales.ToWebChatLocale(language), origin), cancellationToken);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new TokenResponse(token.ConversationId, token.Token, token.ExpiresIn, userId, bot.Id, ownOrigin + "/v3/directline"));
        }
        catch (ChatTokenUnavailableException ex)
        {
            logger.LogWarning(ex, "Demo token for bot {BotId} could not be issued", bot.Id);
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("The chat service is temporarily unavailable. Please try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "chat_unavailable");
        }
    }
}

/// <summary>A bot as the demo page and operators see it.</summary>
public sealed record BotSummary(
    string Id,
    IReadOnlyDictionary<string, string> DisplayName,
    IReadOnlyDictionary<string, string> Organisation,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<string> Languages,
    string DefaultLanguage)
{
    public static BotSummary From(BotDescriptor bot) =>
        new(bot.Id, bot.DisplayName, bot.Organisation, bot.Description, bot.Languages, bot.DefaultLanguage);
}

using AuroraBots.Builder;
using AuroraBots.Widget.Assets;
using AuroraBots.Widget.Tenants;
using AuroraBots.Widget.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Widget.Apis;

/// <summary>The embeddable widget: its assets, each tenant's public configuration and the Origin-checked token endpoint.</summary>
public static class WidgetApi
{
    public const string TokenRateLimitPolicy = "widget-token";

    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/widget.js", (HttpContext context, WidgetAssets assets) => ServeAsset(context, assets.Script));
        app.MapGet("/widget.css", (HttpContext context, WidgetAssets assets) => ServeAsset(context, assets.Stylesheet));
        app.MapGet("/api/widget/integrity", (WidgetAssets assets, WebChatBundle webChat) =>
            TypedResults.Ok(new Dictionary<string, string?>
            {
                ["widget.js"] = assets.Script.Integrity,
                ["widget.css"] = assets.Stylesheet.Integrity,
                ["webchat.js"] = webChat.Integrity,
            }));

        var tenants = app.MapGroup("/api/tenants/{tenant}");
        tenants.MapMethods("/config", ["OPTIONS"], Preflight);
        tenants.MapMethods("/token", ["OPTIONS"], Preflight);
        tenants.MapGet("/config", GetConfig);
        tenants.MapGet("/avatars/{bot}.svg", GetAvatar);
        tenants.MapPost("/token", CreateToken).RequireRateLimiting(TokenRateLimitPolicy);
        return app;
    }

    private static IResult ServeAsset(HttpContext context, WidgetAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "public, max-age=300";
        // Any site may load the script; ACAO lets pages use integrity + crossorigin="anonymous".
        headers.AccessControlAllowOrigin = "*";
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static NoContent Preflight(HttpContext context)
    {
        TenantCors.Apply(context);
        return TypedResults.NoContent();
    }

    internal static Results<Ok<TenantConfigResponse>, NotFound<ProblemResponse>, ProblemHttpResult> GetConfig(
        string tenant, HttpContext context, TenantRegistry registry, WebChatBundle webChat)
    {
        TenantCors.Apply(context);
        var options = registry.Find(tenant);
        if (options is null) return TypedResults.NotFound(new ProblemResponse("unknown_tenant", $"No tenant '{tenant}' is configured."));
        var baseUrl = WidgetBaseUrl.Of(context.Request, registry.Current.PublicBaseUrl);
        if (!IsAllowed(registry, options, CallerOrigin.Of(context.Request, baseUrl), baseUrl))
            return OriginRefused(tenant);

        var theme = options.Theme;
        var bots = registry.Bots.Select(bot => new BotAppearance(
            bot.Id,
            NamesFor(bot, theme),
            bot.Organisation,
            WidgetBaseUrl.Absolute(baseUrl, theme.BotAvatars.GetValueOrDefault(bot.Id) ?? ThemeAvatar.PathFor(tenant.ToLowerInvariant(), bot.Id)))).ToList();

        return TypedResults.Ok(new TenantConfigResponse(
            tenant.ToLowerInvariant(),
            options.DisplayName,
            options.Languages,
            options.DefaultLanguage,
            options.MunicipalityCode,
            new WelcomeResponse(options.Welcome.SendJoinEvent, options.Welcome.OpenOnFirstVisit),
            new ThemeResponse(theme.Primary, theme.OnPrimary, theme.Background, theme.Text, WidgetBaseUrl.Absolute(baseUrl, theme.LogoUrl)),
            options.DefaultBot,
            bots,
            baseUrl + "/v3/directline",
            new WebChatResponse(baseUrl + (webChat.Path), webChat.Integrity)));
    }

    /// <summary>A public image (no origin check): the bot's initial in the tenant's theme colours.</summary>
    internal static Results<ContentHttpResult, NotFound> GetAvatar(string tenant, string bot, HttpContext context, TenantRegistry registry)
    {
        var options = registry.Find(tenant);
        var descriptor = registry.Bots.FirstOrDefault(b => b.Id == bot);
        if (options is null || descriptor is null) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.AccessControlAllowOrigin = "*";
        var name = NamesFor(descriptor, options.Theme).GetValueOrDefault(options.DefaultLanguage) ?? descriptor.NameIn(options.DefaultLanguage);
        return TypedResults.Content(ThemeAvatar.Svg(options.Theme, name), "image/svg+xml; charset=utf-8");
    }

    internal static async Task<Results<Ok<TokenResponse>, NotFound<ProblemResponse>, ProblemHttpResult>> CreateToken(
        string tenant, TokenRequest? body, HttpContext context, TenantRegistry registry, IChatTokenIssuer issuer,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        TenantCors.Apply(context);
        var options = registry.Find(tenant);
        if (options is null) return TypedResults.NotFound(new ProblemResponse("unknown_tenant", $"No tenant '{tenant}' is configured."));
        var baseUrl = WidgetBaseUrl.Of(context.Request, registry.Current.PublicBaseUrl);
        var origin = CallerOrigin.Of(context.Request, baseUrl);
        if (origin is null || !IsAllowed(registry, options, origin, baseUrl)) return OriginRefused(tenant);

        var bot = registry.DefaultBotOf(options);
        if (bot is null)
            return TypedResults.Problem($"Tenant '{tenant}' points at bot '{options.DefaultBot}', which this host does not serve.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "bot_unavailable");

        var language = ChatLocales.LanguageOf(body?.Language) is { } requested && options.Languages.Contains(requested)
            ? requested : options.DefaultLanguage;
        var userId = ChatLocales.NewUserId();
        try
        {
            var token = await issuer.IssueAsync(
                new ChatTokenRequest(bot.Id, userId, ChatLocales.ToWebChatLocale(language), origin.TrimEnd('/'), options.MunicipalityCode, SiteOf(options, registry)),
                cancellationToken);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new TokenResponse(token.ConversationId, token.Token, token.ExpiresIn, userId, bot.Id, baseUrl + "/v3/directline"));
        }
        catch (ChatTokenUnavailableException ex)
        {
            loggers.CreateLogger(typeof(WidgetApi)).LogWarning(ex, "Token for tenant {Tenant} could not be issued", tenant);
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("The chat service is temporarily unavailable. Please try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "chat_unavailable");
        }
    }

    /// <summary>A tenant's allowed origins, and this host's own pages (published by whoever runs the host).</summary>
    private static bool IsAllowed(TenantRegistry registry, TenantOptions options, string? origin, string baseUrl) =>
        registry.IsOriginAllowed(options, origin)
        || (origin is not null && OriginMatcher.Normalise(origin) is { } caller && caller == OriginMatcher.Normalise(CallerOrigin.OriginOf(baseUrl)));

    private static ProblemHttpResult OriginRefused(string tenant) =>
        TypedResults.Problem($"This site is not allowed to embed the chat of tenant '{tenant}'.",
            statusCode: StatusCodes.Status403Forbidden, title: "origin_not_allowed");

    /// <summary>The tenant's municipality and its bot names (only those it overrides), handed to the bot before it greets.</summary>
    private static ChatSite SiteOf(TenantOptions options, TenantRegistry registry) => new(
        options.MunicipalityCode,
        registry.Bots.Where(b => options.Theme.BotNames.ContainsKey(b.Id))
            .ToDictionary(b => b.Id, b => NamesFor(b, options.Theme)));

    private static IReadOnlyDictionary<string, string> NamesFor(BotDescriptor bot, ThemeOptions theme) =>
        theme.BotNames.TryGetValue(bot.Id, out var overrides)
            ? bot.DisplayName.Concat(overrides).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)
            : bot.DisplayName;
}

/// <summary>A short machine-readable error for the widget: <c>{ "code", "message" }</c>.</summary>
public sealed record ProblemResponse(string Code, string Message);

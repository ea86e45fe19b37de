using AuroraBots.Agents;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Dialogs;
using AuroraBots.Editor;
using AuroraBots.Handoff;
using AuroraBots.Host.Network;
using AuroraBots.DirectLine;
using AuroraBots.Network;
using AuroraBots.Host.Apis;
using AuroraBots.Host.Health;
using AuroraBots.Host.Security;
using AuroraBots.Host.Tokens;
using AuroraBots.Host.WebChat;
using AuroraBots.Widget;
using AuroraBots.Widget.Tenants;
using AuroraBots.Widget.Tokens;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host;

/// <summary>Wiring of the platform: every component with its embedded defaults (no Redis or other service needed).</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddAuroraHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddProblemDetails();
        services.AddAuroraHealthChecks(); // /health/live, /health/ready (content loaded, Redis reachable)
        services.AddDirectLine(configuration.GetSection("DirectLine"));
        services.AddAuroraDialogs(configuration);
        // The local AuroraAI network service only when it is the one the client talks to (no AuroraAI:Client:BaseUrl):
        // a host pointed at a real network must not also answer as one.
        if (UsesEmbeddedNetwork(configuration)) services.AddAuroraNetwork(configuration.GetSection("AuroraAI:Network"));
        services.AddAuroraAiClient(configuration.GetSection(AuroraAiClientOptions.SectionName));
        services.AddAuroraHandoff(configuration);
        services.AddAuroraWidget(configuration.GetSection(WidgetOptions.SectionName));
        // After the dialogs: the editor serves drafts to its preview next to the live bots.
        services.AddAuroraEditor(configuration.GetSection(EditorOptions.SectionName));
        services.AddAuroraAgents(configuration); // people in the chat: live chat, agent console at /agent (docs/human-handoff.md)
        services.AddOptions<DirectLineOptions>().PostConfigure<IOptions<WidgetOptions>>(DirectLineCors.AllowTenantOrigins);

        services.AddAuroraReverseProxy(configuration);
        services.AddSingleton<PageTemplates>();
        services.Configure<DemoPageOptions>(configuration.GetSection(DemoPageOptions.SectionName));
        services.AddSingleton(sp => WebChatBundleLocator.Locate(
            sp.GetRequiredService<IWebHostEnvironment>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatBundleLocator))));
        services.Replace(ServiceDescriptor.Singleton(sp => WebChatBundleLocator.Describe(sp.GetRequiredService<WebChatBundleFile>())));
        services.AddSingleton<IChatTokenIssuer, DirectLineChatTokenIssuer>();
        return builder;
    }

    public static WebApplication UseAuroraHost(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuroraSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // Web Chat itself is served by WebChatBundleApi (compressed, versioned); this covers its licence file.
                if (context.Context.Request.Path.StartsWithSegments("/lib"))
                {
                    context.Context.Response.Headers.AccessControlAllowOrigin = "*";
                    context.Context.Response.Headers.CacheControl = "public, max-age=3600";
                }
            },
        });
        app.UseRateLimiter();

        app.MapAuroraHealthChecks();
        app.MapPagesApi();
        app.MapWebChatBundle();
        app.MapBotsApi();
        app.MapAuroraWidget();
        app.MapDirectLine();
        app.MapAuroraEditor();
        app.MapAuroraAgents();
        if (UsesEmbeddedNetwork(app.Configuration))
        {
            app.MapAuroraNetwork();
            app.Services.WarmUpAuroraNetwork();
            app.WireEmbeddedNetworkOnStart();
        }
        return app;
    }

    /// <summary>The embedded network service is mounted exactly when <c>AuroraAI:Client:BaseUrl</c> names no other network.</summary>
    public static bool UsesEmbeddedNetwork(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{AuroraAiClientOptions.SectionName}:BaseUrl"]);
}

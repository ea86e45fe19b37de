using AuroraBots.Platform;
using AuroraBots.Platform.Storage;
using AuroraBots.DirectLine.Apis;
using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Streaming;
using AuroraBots.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine;

/// <summary>DI and endpoint wiring of the Direct Line channel.</summary>
public static class DirectLineExtensions
{
    /// <summary>
    /// Registers the channel from <paramref name="section"/> (the host passes <c>Configuration.GetSection("DirectLine")</c>).
    /// Uses Redis when the platform's storage switch says so (<c>ConnectionStrings:Redis</c>, <see cref="AuroraBots.Platform.Storage.PlatformStorage"/>).
    /// The bot itself is the single <see cref="Builder.IBot"/> registered elsewhere.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration section)
    {
        services.AddPlatformStorage();
        services.AddPlatformLanguages();
        services.AddOptions<DirectLineOptions>().Bind(section).PostConfigure(options =>
        {
            // "AllowedOrigins": "*" (or "a,b") as a plain string, besides the list form.
            if (section["AllowedOrigins"] is { Length: > 0 } scalar)
                foreach (var origin in scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (!options.AllowedOrigins.Contains(origin)) options.AllowedOrigins.Add(origin);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<IDirectLineTokenService>(sp => sp.GetRequiredService<DirectLineTokenService>());
        services.TryAddSingleton<TurnQueue>();
        services.TryAddSingleton<ConversationChannel>();
        services.TryAddSingleton<ProactiveMessenger>();
        services.TryAddSingleton<StreamSessionRegistry>();
        services.TryAddSingleton<PostRateLimiter>();

        // The platform's storage switch decides for all: the log, the turn queue and the feed share one backend.
        services.TryAddSingleton(sp => new RedisConnection(sp.GetRequiredService<SharedRedis>(), sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.RedisKeyPrefix));
        services.TryAddSingleton<InMemoryTurnStore>();
        services.TryAddSingleton<InMemoryConversationFeed>();
        services.TryAddSingleton<InMemoryConversationStore>();
        services.TryAddSingleton<InMemoryAttachmentStore>();
        services.TryAddSingleton<IConversationStore>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisConversationStore>(sp)
            : sp.GetRequiredService<InMemoryConversationStore>());
        services.TryAddSingleton<IStreamTickets>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisStreamTickets>(sp)
            : ActivatorUtilities.CreateInstance<InMemoryStreamTickets>(sp));
        services.TryAddSingleton<ITokenRevocations>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisTokenRevocations>(sp)
            : ActivatorUtilities.CreateInstance<InMemoryTokenRevocations>(sp));
        services.TryAddSingleton<ITurnStore>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisTurnStore>(sp)
            : sp.GetRequiredService<InMemoryTurnStore>());
        services.TryAddSingleton<IConversationFeed>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisConversationFeed>(sp)
            : sp.GetRequiredService<InMemoryConversationFeed>());
        services.TryAddSingleton<IAttachmentStore>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisAttachmentStore>(sp)
            : sp.GetRequiredService<InMemoryAttachmentStore>());

        services.AddHostedService<KeepAliveService>();
        services.AddHostedService<HousekeepingService>();
        services.AddHostedService<TurnSweeper>();
        services.AddTransient<IStartupFilter, DirectLineStartupFilter>();
        return services;
    }

    /// <summary>Maps every Direct Line 3.0 endpoint under <c>/v3/directline</c>.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(DirectLineEndpoints.RoutePrefix).WithTags("DirectLine");
        group.MapTokensApi()
            .MapConversationsApi()
            .MapActivitiesApi()
            .MapUploadApi()
            .MapStreamApi()
            .MapAttachmentsApi()
            .MapSessionApi();
        return endpoints;
    }

    /// <summary>WebSockets and CORS for the channel's paths, so the host only calls AddDirectLine and MapDirectLine.</summary>
    private sealed class DirectLineStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<DirectLineCorsMiddleware>();
            app.UseWebSockets();
            next(app);
        };
    }
}

public static class DirectLineEndpoints
{
    public const string RoutePrefix = "/v3/directline";
}

/// <summary>
/// Bounds memory: forgets idle conversations and expired uploads (memory stores). Taking the
/// token service here creates it at start-up, so a missing signing key is reported then, not at the first chat.
/// </summary>
internal sealed class HousekeepingService(IServiceProvider services, IOptions<DirectLineOptions> options, TimeProvider time,
    Tokens.DirectLineTokenService tokens) : BackgroundService
{
    public Tokens.DirectLineTokenService Tokens { get; } = tokens;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var idle = options.Value.ConversationIdleExpiry;
                if (services.GetRequiredService<IConversationStore>() is InMemoryConversationStore conversations) conversations.RemoveIdle(idle);
                if (services.GetRequiredService<IAttachmentStore>() is InMemoryAttachmentStore uploads) uploads.RemoveExpired();
            }
        }
        catch (OperationCanceledException) { }
    }
}

using AuroraBots.Agents.Apis;
using AuroraBots.Agents.Desk;
using AuroraBots.Agents.Security;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Editor.Security;
using AuroraBots.Platform;
using AuroraBots.Platform.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuroraBots.Agents;

public static class AgentsExtensions
{
    /// <summary>
    /// Human agents in the chat: <see cref="ILiveChatService"/> for the engine (register before the engine is first
    /// resolved), the console's desk, and the store — the platform's one switch
    /// (<see cref="PlatformStorage"/>): memory, or Redis over the process's one connection, shared by every instance. Sign-in reuses the editor's user directory
    /// (<c>AddAuroraEditor</c>) with its own cookie on <c>/agent</c> for the <c>agent</c> role.
    /// </summary>
    public static IServiceCollection AddAuroraAgents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AgentsOptions.SectionName).Get<AgentsOptions>() ?? new AgentsOptions();
        if (options.MaxQueueLength < 1 || options.AverageChatDuration <= TimeSpan.Zero || options.ContactRequestRetention <= TimeSpan.Zero
            || options.ChatRetention <= TimeSpan.Zero || options.PresenceTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException("Agents: MaxQueueLength must be at least 1 and every duration positive (see docs/human-handoff.md).");
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlatformStorage(configuration);
        services.TryAddSingleton(sp => new AgentsRedis(sp.GetRequiredService<SharedRedis>(), options.RedisKeyPrefix));
        services.TryAddSingleton<ILiveChatStore>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisLiveChatStore>(sp)
            : ActivatorUtilities.CreateInstance<MemoryLiveChatStore>(sp));
        services.TryAddSingleton<CitizenMessages>();
        services.TryAddSingleton<TranscriptReader>();
        services.TryAddSingleton<QueueNotifier>();
        services.TryAddSingleton<AgentDesk>();
        services.TryAddSingleton<LiveChatService>();
        services.TryAddSingleton<ILiveChatService>(sp => sp.GetRequiredService<LiveChatService>());

        services.AddAuthentication().AddCookie(AgentSecurity.Scheme, cookie => SessionCookie.Configure(cookie, "AuroraAgent", "/agent", options.SessionLifetime));
        services.AddAuthorizationBuilder().AddPolicy(AgentSecurity.Policy, p =>
            p.AddAuthenticationSchemes(AgentSecurity.Scheme).RequireAuthenticatedUser().RequireRole(AgentSecurity.Roles));
        return services;
    }

    /// <summary>Maps <c>/agent/api/…</c> (everything but signing in needs the agent role) and the console at <c>/agent</c>.</summary>
    public static RouteGroupBuilder MapAuroraAgents(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/agent/api").RequireAuthorization(AgentSecurity.Policy);
        api.AddEndpointFilter<StoreUnavailableFilter>();
        api.MapAgentSessionApi();
        api.MapDeskApi();
        api.MapChatsApi();
        api.MapContactRequestsApi();
        endpoints.MapAgentApp();
        return api;
    }
}

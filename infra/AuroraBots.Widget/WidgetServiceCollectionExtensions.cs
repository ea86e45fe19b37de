using System.Threading.RateLimiting;
using AuroraBots.Platform;
using AuroraBots.Widget.Apis;
using AuroraBots.Widget.Assets;
using AuroraBots.Widget.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuroraBots.Widget;

public static class WidgetServiceCollectionExtensions
{
    /// <summary>
    /// Registers tenants (validated at startup), the widget assets and the per-client-address rate limit of
    /// the token endpoint. The host must call <c>app.UseRateLimiter()</c> and provide an <see cref="Tokens.IChatTokenIssuer"/>.
    /// </summary>
    public static IServiceCollection AddAuroraWidget(this IServiceCollection services, IConfiguration section)
    {
        services.AddPlatformLanguages();
        services.AddOptions<WidgetOptions>().Bind(section)
            .PostConfigure<Languages>((options, languages) =>
            {
                // A tenant that names no languages offers every language the platform speaks.
                foreach (var tenant in options.Tenants.Values)
                    if (tenant.Languages.Count == 0) tenant.Languages.AddRange(languages.Supported);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WidgetOptions>, WidgetOptionsValidator>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<WidgetAssets>();
        services.TryAddSingleton(new WebChatBundle("/lib/webchat/webchat.js", null));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // Only the token endpoints carry this policy; Direct Line endpoints are never rate-limited (DLJS mishandles 429).
                TenantCors.Apply(context.HttpContext);
                var window = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<WidgetOptions>>()
                    .CurrentValue.TokenRateLimit.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = window.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(WidgetApi.TokenRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<WidgetOptions>>().CurrentValue.TokenRateLimit;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAuroraWidget(this IEndpointRouteBuilder app) => app.MapWidgetApi();
}

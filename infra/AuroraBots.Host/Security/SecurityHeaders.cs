namespace AuroraBots.Host.Security;

/// <summary>Headers every response carries: no MIME sniffing, no referrer leaks to other sites.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseAuroraSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}

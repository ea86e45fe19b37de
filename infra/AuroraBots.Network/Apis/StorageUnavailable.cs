using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuroraBots.Network.Apis;

/// <summary>
/// With Redis: while it is unreachable the network answers <c>503 Storage unavailable.</c> with <c>Retry-After</c>
/// (the platform's AuroraAI client retries and then tells the user), instead of a 500 or a half-done request.
/// </summary>
internal sealed class StorageUnavailable(ILogger<StorageUnavailable> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "{Path}: Redis unavailable", context.HttpContext.Request.Path);
            context.HttpContext.Response.Headers.RetryAfter = "2";
            return TextResults.Text(StatusCodes.Status503ServiceUnavailable, "Storage unavailable.");
        }
    }
}

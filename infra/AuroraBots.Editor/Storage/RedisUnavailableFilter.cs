using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Editor.Storage;

/// <summary>The body of a 503: <c>{ "message": "…" }</c>.</summary>
public sealed record UnavailableResponse(string Message);

/// <summary>Turns <see cref="RedisUnavailableException"/> from any editor endpoint into 503 <c>{message}</c> with <c>Retry-After</c>.</summary>
internal sealed class RedisUnavailableFilter(ILogger<RedisUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RedisUnavailableException e)
        {
            logger.LogWarning(e.InnerException, "{Method} {Path}: Redis unavailable", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Json(new UnavailableResponse(e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

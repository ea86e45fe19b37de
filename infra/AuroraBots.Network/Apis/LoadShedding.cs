using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Apis;

/// <summary>
/// The original's task limiter: beyond <see cref="NetworkOptions.MaxConcurrentRecommendations"/> concurrent
/// recommend/text-search requests the answer is immediately <c>503 Server busy.</c> (never queued, never hanging).
/// Unlike the original, the counter is released even when the request fails.
/// </summary>
internal sealed class LoadShedding(IOptions<NetworkOptions> options, ILogger<LoadShedding> logger) : IEndpointFilter
{
    private int _inFlight;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (Interlocked.Increment(ref _inFlight) > options.Value.MaxConcurrentRecommendations)
        {
            Interlocked.Decrement(ref _inFlight);
            logger.LogWarning("Recommender busy: more than {Limit} concurrent requests", options.Value.MaxConcurrentRecommendations);
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return TextResults.Text(StatusCodes.Status503ServiceUnavailable, "Server busy.");
        }
        try
        {
            return await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Apis;

/// <summary>The count of recommend/text-search requests in flight, shared by both endpoints (one per service instance).</summary>
internal sealed class RecommendationSlots(IOptions<NetworkOptions> options)
{
    private int _inFlight;

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= options.Value.MaxConcurrentRecommendations) return true;
        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public int Limit => options.Value.MaxConcurrentRecommendations;
}

/// <summary>
/// The original's task limiter: beyond <see cref="NetworkOptions.MaxConcurrentRecommendations"/> concurrent
/// recommend/text-search requests the answer is immediately <c>503 Server busy.</c> (never queued, never hanging).
/// Unlike the original, the slot is released even when the request fails.
/// </summary>
internal sealed class LoadShedding(RecommendationSlots slots, ILogger<LoadShedding> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!slots.TryEnter())
        {
            logger.LogWarning("Recommender busy: more than {Limit} concurrent requests", slots.Limit);
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return TextResults.Text(StatusCodes.Status503ServiceUnavailable, "Server busy.");
        }
        try
        {
            return await next(context);
        }
        finally
        {
            slots.Exit();
        }
    }
}

using System.Threading.RateLimiting;
using AuroraBots.DirectLine.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// Posts per conversation (so per token: a refreshed token keeps its conversation's bucket) per second, a token
/// bucket of <see cref="DirectLineOptions.PostBurst"/> refilled at <see cref="DirectLineOptions.PostsPerSecond"/>.
/// Checked after authentication, so nobody can drain another conversation's bucket; a bot's secret (a trusted
/// server-side caller) is not limited. Per instance: behind N
/// instances a client gets at most N times the rate, still bounded.
/// </summary>
public sealed class PostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public PostRateLimiter(IOptions<DirectLineOptions> options)
    {
        var rate = Math.Max(1, options.Value.PostsPerSecond);
        var burst = Math.Max(rate, options.Value.PostBurst);
        _limiter = PartitionedRateLimiter.Create<string, string>(conversationId => RateLimitPartition.GetTokenBucketLimiter(conversationId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = rate,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            }));
    }

    /// <summary>Null when the post may go ahead; else 429 with <c>Retry-After</c>.</summary>
    internal JsonHttpResult<ErrorResponse>? TryAcquire(HttpContext http, string conversationId)
    {
        using var lease = _limiter.AttemptAcquire(conversationId);
        if (lease.IsAcquired) return null;
        http.Response.Headers.RetryAfter = "1";
        return ErrorResults.Error(StatusCodes.Status429TooManyRequests, DirectLineErrorCodes.TooManyRequests,
            "Too many messages in a short time; wait a moment and send again.");
    }

    public void Dispose() => _limiter.Dispose();
}

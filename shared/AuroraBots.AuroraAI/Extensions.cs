using Polly;
using AuroraBots.AuroraAI.Client;
using AuroraBots.AuroraAI.Plugin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace AuroraBots.AuroraAI;

/// <summary>Wiring of the AuroraAI client.</summary>
public static class Extensions
{
    /// <summary>
    /// Registers <see cref="IAuroraAiClient"/> (typed HttpClient with Microsoft.Extensions.Http.Resilience:
    /// per-attempt and total timeouts, retries for GET only, circuit breaker), <see cref="AuroraAiEndpoint"/> and
    /// the Semantic Kernel <see cref="AuroraAiPlugin"/>. <paramref name="configuration"/> is <c>AuroraAI:Client</c>.
    /// </summary>
    public static IServiceCollection AddAuroraAiClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuroraAiClientOptions>().Bind(configuration);
        var options = new AuroraAiClientOptions();
        configuration.Bind(options);

        services.TryAddSingleton<AuroraAiEndpoint>();
        services.TryAddSingleton<ReceiverCredentials>();
        services.TryAddTransient<AuroraAiPlugin>();
        services.AddHttpClient<IAuroraAiClient, AuroraAiClient>()
            // GET session_attributes carries the token in its query. .NET redacts query strings in the default
            // HttpClient logs, but one AppContext switch (System.Net.Http.DisableUriRedaction) undoes that: log nothing.
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.TotalTimeout > options.AttemptTimeout ? options.TotalTimeout : options.AttemptTimeout * 2;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
                resilience.Retry.Delay = options.RetryDelay;
                resilience.Retry.UseJitter = true;
                resilience.Retry.DisableForUnsafeHttpMethods(); // POSTs are not idempotent: never retried
                // Reading session attributes spends a single-use token: a retry after a lost answer would find it
                // used. Retry such a read only when the connection was never made.
                var retryable = resilience.Retry.ShouldHandle;
                resilience.Retry.ShouldHandle = async args =>
                    args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath.EndsWith("/session_attributes", StringComparison.Ordinal) == true
                        ? args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                        : await retryable(args);
                resilience.CircuitBreaker.FailureRatio = options.CircuitFailureRatio;
                resilience.CircuitBreaker.MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput);
                resilience.CircuitBreaker.SamplingDuration = options.CircuitSamplingDuration >= options.AttemptTimeout * 2
                    ? options.CircuitSamplingDuration : options.AttemptTimeout * 2;
                resilience.CircuitBreaker.BreakDuration = options.CircuitBreakDuration;
            });
        return services;
    }
}

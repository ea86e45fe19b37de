using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.Models;
using AuroraBots.AuroraAI.Validation;
using FluentValidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AuroraBots.AuroraAI.Client;

/// <summary>
/// Typed <see cref="HttpClient"/> for the AuroraAI service-recommender API. Resilience (timeouts, retries for GET
/// only, circuit breaker) comes from the handler pipeline registered in <c>AddAuroraAiClient</c>; this class maps
/// every failure to <see cref="AuroraAiUnavailableException"/> or <see cref="AuroraAiRequestException"/> and
/// validates outgoing data first. It never logs URLs, tokens or attribute values.
/// </summary>
public sealed partial class AuroraAiClient(
    HttpClient http,
    AuroraAiEndpoint endpoint,
    IOptionsMonitor<AuroraAiClientOptions> options,
    ILogger<AuroraAiClient> logger) : IAuroraAiClient
{
    public const string ConsentReceiptHeader = "AuroraBots-Consent-Receipt";
    private const string BasePath = "service-recommender/v1/";

    private static readonly SessionAttributesValidator AttributesValidator = new();
    private static readonly RecommendServiceRequestValidator RecommendValidator = new();
    private static readonly TextSearchRequestValidator SearchValidator = new();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex TokenFormat();

    public async Task<RecommendationResponse> RecommendServiceAsync(RecommendServiceRequest request, CancellationToken cancellationToken = default)
    {
        Validate(RecommendValidator, request);
        using var response = await SendAsync("recommend_service", HttpMethod.Post, Json(request, AuroraAiJsonContext.Default.RecommendServiceRequest), null, cancellationToken);
        return await ReadJsonAsync(response, "recommend_service", cancellationToken);
    }

    public async Task<RecommendationResponse> TextSearchAsync(TextSearchRequest request, CancellationToken cancellationToken = default)
    {
        Validate(SearchValidator, request);
        using var response = await SendAsync("text_search", HttpMethod.Post, Json(request, AuroraAiJsonContext.Default.TextSearchRequest), null, cancellationToken);
        return await ReadJsonAsync(response, "text_search", cancellationToken);
    }

    public async Task SendFeedbackAsync(RecommendationFeedback feedback, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync("recommendation_feedback", HttpMethod.Post, Json(feedback, AuroraAiJsonContext.Default.RecommendationFeedback), null, cancellationToken);
        await EnsureSuccessAsync(response, "recommendation_feedback", cancellationToken);
    }

    public async Task<Uri> PostSessionAttributesAsync(SessionTransferRequest request, string? consentReceiptId = null, CancellationToken cancellationToken = default)
    {
        Validate(AttributesValidator, request.SessionAttributes);
        using var response = await SendAsync("session_attributes", HttpMethod.Post,
            Json(request, AuroraAiJsonContext.Default.SessionTransferRequest), consentReceiptId, cancellationToken);
        await EnsureSuccessAsync(response, "session_attributes", cancellationToken);
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim().Trim('"');
        return Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new AuroraAiUnavailableException("AuroraAI returned no valid session-transfer URL.");
    }

    public Task<SessionAttributes?> GetSessionAttributesAsync(string accessToken, CancellationToken cancellationToken = default) =>
        // Like the original, a receiver outside this platform reads without credentials (the token is the capability).
        ReadSessionAttributesAsync(accessToken, null, cancellationToken);

    public Task<SessionAttributes?> GetSessionAttributesAsync(string accessToken, AuroraClientCredentials reader, CancellationToken cancellationToken = default) =>
        ReadSessionAttributesAsync(accessToken, reader ?? throw new ArgumentNullException(nameof(reader)), cancellationToken);

    private async Task<SessionAttributes?> ReadSessionAttributesAsync(string accessToken, AuroraClientCredentials? reader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accessToken) || !TokenFormat().IsMatch(accessToken)) return null; // the network would say 400
        using var response = await SendAsync("session_attributes?access_token=" + accessToken, HttpMethod.Get, null, null, cancellationToken,
            "session_attributes", authenticate: reader is not null, credentials: reader);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, "session_attributes", cancellationToken);
        return await ReadAsync(response, AuroraAiJsonContext.Default.SessionAttributes, "session_attributes", cancellationToken);
    }

    /// <summary>
    /// <c>GET /service-recommender/healthcheck/</c>: true when the network answers. Idempotent, so retried by the
    /// pipeline; never throws for an unreachable network (returns false).
    /// </summary>
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await SendAsync("../healthcheck/", HttpMethod.Get, null, null, cancellationToken, "healthcheck", authenticate: false);
            return response.IsSuccessStatusCode;
        }
        catch (AuroraAiUnavailableException)
        {
            return false;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        string relative, HttpMethod method, HttpContent? content, string? consentReceiptId, CancellationToken cancellationToken,
        string? operation = null, bool authenticate = true, AuroraClientCredentials? credentials = null)
    {
        operation ??= relative;
        var baseAddress = endpoint.BaseAddress
            ?? throw new AuroraAiUnavailableException("The AuroraAI network address is not configured (AuroraAI:Client:BaseUrl).");
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, BasePath + relative)) { Content = content };
        var current = options.CurrentValue;
        if (authenticate)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                (credentials?.ClientId ?? current.ClientId) + ":" + (credentials?.ClientSecret ?? current.ClientSecret))));
        if (!string.IsNullOrEmpty(consentReceiptId)) request.Headers.Add(ConsentReceiptHeader, consentReceiptId);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                LogUnavailable(operation, $"HTTP {status}");
                throw new AuroraAiUnavailableException(status == 503
                    ? $"AuroraAI is overloaded ({operation}: 503)."
                    : $"AuroraAI failed ({operation}: HTTP {status}).");
            }
            return response;
        }
        catch (BrokenCircuitException e) { throw Unavailable(operation, "circuit open", e); }
        catch (TimeoutRejectedException e) { throw Unavailable(operation, "timeout", e); }
        catch (HttpRequestException e) { throw Unavailable(operation, "connection failed", e); }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested) { throw Unavailable(operation, "timeout", e); }
    }

    private AuroraAiUnavailableException Unavailable(string operation, string reason, Exception inner)
    {
        LogUnavailable(operation, reason);
        return new AuroraAiUnavailableException($"AuroraAI is unavailable ({operation}: {reason}).", inner);
    }

    private void LogUnavailable(string operation, string reason) =>
        logger.LogWarning("AuroraAI {Operation} unavailable: {Reason}", operation, reason);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new AuroraAiRequestException((int)response.StatusCode, body.Length > 500 ? body[..500] : body);
    }

    private static async Task<RecommendationResponse> ReadJsonAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, operation, cancellationToken);
        return await ReadAsync(response, AuroraAiJsonContext.Default.RecommendationResponse, operation, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new AuroraAiUnavailableException($"AuroraAI returned an empty answer ({operation}).");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new AuroraAiUnavailableException($"AuroraAI returned malformed JSON ({operation}).", e);
        }
    }

    private static HttpContent Json<T>(T value, JsonTypeInfo<T> type) => JsonContent.Create(value, type);

    /// <summary>Outgoing data that breaks the API rules is refused locally, as the network would (400).</summary>
    private static void Validate<T>(IValidator<T> validator, T value)
    {
        var result = validator.Validate(value);
        if (!result.IsValid)
            throw new AuroraAiRequestException(400, "Refused before sending: " + string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
    }
}

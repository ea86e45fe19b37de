using AuroraBots.AuroraAI.Models;

namespace AuroraBots.AuroraAI;

/// <summary>
/// Client of the AuroraAI service-recommender API (<c>/service-recommender/v1</c>). Works against the
/// embedded network service or any compatible endpoint.
/// </summary>
/// <remarks>
/// Failures: <see cref="AuroraAiUnavailableException"/> when the network cannot answer (down, timeout,
/// 5xx, 503 busy, circuit open) — callers answer the user politely and go on;
/// <see cref="AuroraAiRequestException"/> when the network refused the request (4xx) — a bug or bad data.
/// </remarks>
public interface IAuroraAiClient
{
    Task<RecommendationResponse> RecommendServiceAsync(RecommendServiceRequest request, CancellationToken cancellationToken = default);

    Task<RecommendationResponse> TextSearchAsync(TextSearchRequest request, CancellationToken cancellationToken = default);

    Task SendFeedbackAsync(RecommendationFeedback feedback, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST session_attributes</c>: hands attributes to the service behind a channel. Returns the URL the
    /// user should be sent to; it carries <c>auroraai_access_token</c> unless the receiver accepts none of them.
    /// <paramref name="consentReceiptId"/> is sent as the <c>AuroraBots-Consent-Receipt</c> header (an
    /// extension the embedded service records; other endpoints ignore it).
    /// </summary>
    Task<Uri> PostSessionAttributesAsync(SessionTransferRequest request, string? consentReceiptId = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET session_attributes?access_token=</c>. Null when the token is unknown, expired or used.</summary>
    Task<SessionAttributes?> GetSessionAttributesAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same read, authenticated as <paramref name="reader"/> (the receiving service): a network that binds tokens
    /// to receivers answers as if the token were unknown when it was issued for someone else, and refuses (401) wrong
    /// credentials instead of reading anonymously.
    /// </summary>
    Task<SessionAttributes?> GetSessionAttributesAsync(string accessToken, Client.AuroraClientCredentials reader, CancellationToken cancellationToken = default);
}

/// <summary>The AuroraAI network could not answer (down, slow, overloaded or circuit open).</summary>
public sealed class AuroraAiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The AuroraAI network answered with a 4xx: the request was refused.</summary>
public sealed class AuroraAiRequestException(int statusCode, string body)
    : Exception($"AuroraAI refused the request ({statusCode}): {body}")
{
    public int StatusCode { get; } = statusCode;
    public string Body { get; } = body;
}

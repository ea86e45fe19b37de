using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Handoff;

/// <summary>
/// Redeems a token the way an AuroraAI receiver does: <c>GET session_attributes?access_token=</c> without
/// credentials (the API needs none). The platform's shared API client is not the receiving service, and a network
/// that binds authenticated reads to the receiver would refuse it; the anonymous read works everywhere.
/// </summary>
public sealed class SessionAttributesReader(IHttpClientFactory httpClients, AuroraAiEndpoint endpoint)
{
    public const string HttpClientName = "AuroraBots.Handoff.Redeem";

    /// <summary>The attributes, or null when the network refuses the token (unknown, used, expired, revoked).</summary>
    /// <exception cref="AuroraAiUnavailableException">The network cannot answer.</exception>
    public async Task<SessionAttributes?> ReadAsync(string accessToken, CancellationToken cancellationToken)
    {
        if (!AccessTokens.IsWellFormed(accessToken)) return null;
        var baseAddress = endpoint.BaseAddress
            ?? throw new AuroraAiUnavailableException("The AuroraAI network address is not configured (AuroraAI:Client:BaseUrl).");
        var url = new Uri(baseAddress, "service-recommender/v1/session_attributes?access_token=" + accessToken.ToLowerInvariant());
        try
        {
            // Never retried: tokens are single-use, and a timed-out read may already have spent it.
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(url, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest) return null;
            if (!response.IsSuccessStatusCode)
                throw new AuroraAiUnavailableException($"AuroraAI failed (session_attributes: HTTP {(int)response.StatusCode}).");
            return await response.Content.ReadFromJsonAsync(AuroraAiJsonContext.Default.SessionAttributes, cancellationToken);
        }
        catch (HttpRequestException e) { throw new AuroraAiUnavailableException("AuroraAI is unavailable (session_attributes: connection failed).", e); }
        catch (JsonException e) { throw new AuroraAiUnavailableException("AuroraAI returned malformed JSON (session_attributes).", e); }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AuroraAiUnavailableException("AuroraAI is unavailable (session_attributes: timeout).", e);
        }
    }
}

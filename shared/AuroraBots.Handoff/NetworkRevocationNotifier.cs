using System.Net.Http.Headers;
using System.Text;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Handoff.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Handoff;

/// <summary>
/// Asks the network to drop the tokens of a revoked consent: <c>DELETE session_attributes/consents/{receiptId}</c>,
/// an extension of the embedded AuroraAI service (other networks answer 404/405, which is logged and ignored —
/// the ledger refuses those tokens anyway).
/// </summary>
public sealed class NetworkRevocationNotifier(
    IHttpClientFactory httpClients,
    IServiceProvider services,
    ILogger<NetworkRevocationNotifier> logger) : IConsentRevocationNotifier
{
    public const string HttpClientName = "AuroraBots.Handoff.Revocation";

    public async Task ConsentRevokedAsync(ConsentReceipt receipt, CancellationToken cancellationToken)
    {
        if (receipt.Outcome != TransferOutcomes.Delivered) return; // no token was issued under it
        var endpoint = services.GetService<AuroraAiEndpoint>();
        var options = services.GetService<IOptionsMonitor<AuroraAiClientOptions>>()?.CurrentValue;
        if (endpoint?.BaseAddress is not { } baseAddress || options is null) return;

        using var request = new HttpRequestMessage(HttpMethod.Delete,
            new Uri(baseAddress, $"service-recommender/v1/session_attributes/consents/{Uri.EscapeDataString(receipt.Id)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
                logger.LogInformation("Consent {ReceiptId}: the network revoked its tokens", receipt.Id);
            else
                logger.LogInformation("Consent {ReceiptId}: the network did not revoke tokens ({Status})", receipt.Id, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            throw new AuroraAiUnavailableException("The network could not be told about a revoked consent.", e);
        }
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Network.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Apis;

/// <summary>
/// Session transfer: <c>POST session_attributes</c> (Basic auth) returns the plain-text URL carrying
/// <c>auroraai_access_token</c>; <c>GET session_attributes?access_token=</c> (no auth or the receiver's, CORS *) returns the
/// attributes the receiver registered for. Extension: <c>DELETE session_attributes/consents/{receiptId}</c>
/// revokes the caller's tokens of a consent receipt. Tokens and attribute values are never logged.
/// </summary>
internal static partial class SessionAttributesApi
{
    public const string ConsentReceiptHeader = "AuroraBots-Consent-Receipt";

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.IgnoreCase)]
    private static partial Regex TokenFormat();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex ReceiptFormat();

    public static void MapSessionAttributesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session_attributes", PostAsync).AddEndpointFilter<BasicAuthentication>();
        api.MapGet("/session_attributes", GetAsync);
        api.MapMethods("/session_attributes", ["OPTIONS"], (HttpContext http) => { AllowCors(http); return Results.Ok(); });
        api.MapDelete("/session_attributes/consents/{receiptId}", RevokeAsync).AddEndpointFilter<BasicAuthentication>();
    }

    private static async Task<IResult> PostAsync(
        HttpContext http, IAuroraServiceRegistry registry, ServiceCatalogue catalogue, ISessionTokenStore tokens,
        IOptions<NetworkOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var receipt = http.Request.Headers[ConsentReceiptHeader].ToString();
        if (receipt.Length > 0 && !ReceiptFormat().IsMatch(receipt))
            return TextResults.Text(400, $"Invalid {ConsentReceiptHeader} header: 1-128 characters of A-Z a-z 0-9 . _ : -");

        var (document, error) = await JsonBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, ct);
        if (error is not null) return error;
        using (document)
        {
            var errors = new ValidationErrors();
            var input = new RequestValidator(AuroraCodeLists.Default).SessionTransfer(document!.RootElement, errors);
            if (input is null) return TextResults.ValidationError(errors.ToString());

            var receiver = registry.FindByChannel(input.ServiceChannelId);
            if (receiver is null)
                return catalogue.Current.ChannelsById.ContainsKey(input.ServiceChannelId)
                    ? TextResults.Text(400, $"Session transfer not allowed. PTV-service-channel {input.ServiceChannelId} is not registered to any AuroraAI service.")
                    : TextResults.Text(404, "Service channel id not found");

            var accepted = new JsonObject();
            foreach (var (name, value) in input.Attributes)
                if (receiver.ReceivableAttributes.Contains(name)) accepted[name] = value?.DeepClone();

            var caller = BasicAuthentication.Caller(http);
            string? token = null;
            if (accepted.Count > 0)
            {
                if (receipt.Length == 0) receipt = "network-" + Guid.NewGuid().ToString("N"); // every token refers to a receipt
                token = await tokens.IssueAsync(caller.ClientId, receiver.ClientId, accepted.ToJsonString(), receipt, ct);
                http.Response.Headers[ConsentReceiptHeader] = receipt;
            }
            loggers.CreateLogger("AuroraBots.Network.SessionTransfer").LogInformation(
                "Session transfer from client {ClientId} to service {ReceiverId} (channel {ChannelId}): {Accepted} of {Given} attributes accepted, token issued: {Issued}",
                caller.ClientId, receiver.ClientId, input.ServiceChannelId, accepted.Count, input.Attributes.Count, token is not null);

            var url = input.RecommendationId is { } recommendationId && input.ServiceId is { } serviceId
                ? UrlQuery.Merge(
                    $"{RecommenderApi.BaseUrl(http, options.Value)}/service-recommender/v1/redirect?service_id={serviceId}&service_channel_id={input.ServiceChannelId}&link_id=0&recommendation_id={recommendationId}",
                    ("auroraai_access_token", token))
                : UrlQuery.Merge(receiver.LandingUrl!, ("auroraai_access_token", token));
            return TextResults.Text(200, url);
        }
    }

    private static async Task<IResult> GetAsync(HttpContext http, ISessionTokenStore tokens, CancellationToken ct)
    {
        AllowCors(http);
        var token = http.Request.Query["access_token"].ToString();
        if (token.Length == 0) return TextResults.Text(400, "access_token is a required parameter");
        if (!TokenFormat().IsMatch(token)) return TextResults.Text(400, "Invalid access token format");

        // Extension: a reader that does authenticate must be the receiver the token was issued for. Credentials that
        // do not authenticate are refused, never taken as an anonymous read (that would skip the receiver check).
        AuroraServiceRegistration? reader = null;
        if (http.Request.Headers.Authorization.Count > 0 && (reader = BasicAuthentication.TryAuthenticate(http)) is null)
            return TextResults.Unauthorized();
        var grant = await tokens.RedeemAsync(token.ToLowerInvariant(), reader?.ClientId, ct);
        if (grant is null)
            return TextResults.Text(404, "Access token does not exist");
        return Results.Text(grant.AttributesJson, "application/json; charset=utf-8");
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, string receiptId, ISessionTokenStore tokens, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!ReceiptFormat().IsMatch(receiptId)) return TextResults.Text(400, "Invalid consent receipt id");
        var caller = BasicAuthentication.Caller(http);
        var revoked = await tokens.RevokeByReceiptAsync(caller.ClientId, receiptId, ct);
        loggers.CreateLogger("AuroraBots.Network.SessionTransfer").LogInformation(
            "Client {ClientId} revoked a consent receipt: {Count} token(s) revoked", caller.ClientId, revoked);
        return Results.Json(new RevokeResult(revoked), NetworkJsonContext.Default.RevokeResult);
    }

    private static void AllowCors(HttpContext http)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
    }
}

/// <summary>Answer of the revoke extension.</summary>
public sealed record RevokeResult([property: System.Text.Json.Serialization.JsonPropertyName("revoked")] int Revoked);

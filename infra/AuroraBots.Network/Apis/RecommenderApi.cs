using System.Text.Json;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Apis;

/// <summary><c>recommend_service</c>, <c>text_search</c>, <c>recommendation_feedback</c> and <c>redirect</c>.</summary>
internal static class RecommenderApi
{
    public static void MapRecommenderApi(this RouteGroupBuilder api)
    {
        api.MapPost("/recommend_service", RecommendServiceAsync).AddEndpointFilter<BasicAuthentication>().AddEndpointFilter<LoadShedding>();
        api.MapPost("/text_search", TextSearchAsync).AddEndpointFilter<BasicAuthentication>().AddEndpointFilter<LoadShedding>();
        api.MapPost("/recommendation_feedback", FeedbackAsync).AddEndpointFilter<BasicAuthentication>();
        api.MapGet("/redirect", RedirectAsync);
    }

    private static async Task<IResult> RecommendServiceAsync(HttpContext http, IServiceRecommender recommender, IOptions<NetworkOptions> options, CancellationToken ct)
    {
        var (document, error) = await JsonBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, ct);
        if (error is not null) return error;
        using (document)
        {
            var validator = new RequestValidator(AuroraCodeLists.Default);
            var errors = new ValidationErrors();
            var query = validator.Recommend(document!.RootElement, errors);
            if (query is null) return Invalid(validator, errors);
            var response = await recommender.RecommendAsync(query, BasicAuthentication.Caller(http), BaseUrl(http, options.Value), ct);
            return Results.Json(response, NetworkJsonContext.Default.RecommendationResponse);
        }
    }

    private static async Task<IResult> TextSearchAsync(HttpContext http, IServiceRecommender recommender, IOptions<NetworkOptions> options, CancellationToken ct)
    {
        var (document, error) = await JsonBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, ct);
        if (error is not null) return error;
        using (document)
        {
            var validator = new RequestValidator(AuroraCodeLists.Default);
            var errors = new ValidationErrors();
            var query = validator.TextSearch(document!.RootElement, errors);
            if (query is null) return Invalid(validator, errors);
            var response = await recommender.TextSearchAsync(query, BasicAuthentication.Caller(http), BaseUrl(http, options.Value), ct);
            return Results.Json(response, NetworkJsonContext.Default.RecommendationResponse);
        }
    }

    private static async Task<IResult> FeedbackAsync(HttpContext http, IRecommendationLog log, IOptions<NetworkOptions> options, CancellationToken ct)
    {
        var (document, error) = await JsonBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, ct);
        if (error is not null) return error;
        using (document)
        {
            var errors = new ValidationErrors();
            var feedback = new RequestValidator(AuroraCodeLists.Default).Feedback(document!.RootElement, errors);
            if (feedback is null) return TextResults.ValidationError(errors.ToString());
            if (feedback.FeedbackScore is null && feedback.ServiceFeedbacks.Count == 0) return TextResults.Text(200, "OK");

            var recommendation = await log.FindAsync(feedback.RecommendationId, ct);
            if (recommendation is null)
                return TextResults.Text(404, $"Invalid recommendation_id: {feedback.RecommendationId}");
            if (feedback.ServiceFeedbacks.FirstOrDefault(f => !recommendation.ServiceIds.Contains(f.ServiceId)) is { ServiceId: not null } wrong)
                return TextResults.Text(404, $"Invalid service id: {wrong.ServiceId}");

            if (feedback.FeedbackScore is { } score) await log.AddFeedbackAsync(recommendation.Id, null, score, ct);
            foreach (var (serviceId, serviceScore) in feedback.ServiceFeedbacks) await log.AddFeedbackAsync(recommendation.Id, serviceId, serviceScore, ct);
            return TextResults.Text(200, "OK");
        }
    }

    /// <summary>Logs the click and answers 302 to the channel's web page, adding session_id and the token to its query.</summary>
    private static async Task<IResult> RedirectAsync(HttpContext http, ServiceCatalogue catalogue, IRecommendationLog log, ILoggerFactory loggers, CancellationToken ct)
    {
        var query = http.Request.Query;
        var errors = new ValidationErrors();
        var serviceId = query["service_id"].ToString();
        var channelId = query["service_channel_id"].ToString();
        if (!Uuid4.IsCanonical(serviceId)) errors.Add("service_id", JsonFields.NotUuid);
        if (!Uuid4.IsCanonical(channelId)) errors.Add("service_channel_id", JsonFields.NotUuid);
        if (!int.TryParse(query["link_id"], out var linkId) || linkId is < 0 or > 30) errors.Add("link_id", JsonFields.RangeMessage(0, 30));
        if (!long.TryParse(query["recommendation_id"], out var recommendationId)) errors.Add("recommendation_id", JsonFields.NotInteger);
        if (errors.HasErrors) return TextResults.ValidationError(errors.ToString());

        var recommendation = await log.FindAsync(recommendationId, ct);
        if (recommendation is null || !recommendation.ServiceIds.Contains(serviceId)
            || !catalogue.Current.ChannelsById.TryGetValue(channelId, out var entry) || linkId >= entry.Channel.WebPages.Length
            || string.IsNullOrEmpty(entry.Channel.WebPages[linkId]))
            return TextResults.Text(404, "Invalid redirect link");

        await log.AddRedirectAsync(recommendation, serviceId, ct);
        loggers.CreateLogger("AuroraBots.Network.Redirect").LogInformation(
            "Redirect for recommendation {RecommendationId} to service {ServiceId} channel {ChannelId}", recommendationId, serviceId, channelId);
        var target = UrlQuery.Merge(entry.Channel.WebPages[linkId], ("session_id", query["session_id"].ToString()),
            ("auroraai_access_token", query["auroraai_access_token"].ToString()));
        return Results.Redirect(target);
    }

    internal static IResult Invalid(RequestValidator validator, ValidationErrors errors) =>
        validator.ConflictMessage is { } conflict ? TextResults.Text(400, conflict) : TextResults.ValidationError(errors.ToString());

    internal static string BaseUrl(HttpContext http, NetworkOptions options) =>
        !string.IsNullOrEmpty(options.PublicBaseUrl)
            ? options.PublicBaseUrl.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}

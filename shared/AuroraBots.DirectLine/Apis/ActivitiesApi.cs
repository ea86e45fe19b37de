using System.Text.Json;
using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Tokens;
using AuroraBots.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>GET /conversations/{id}/activities?watermark=</c> (polling; typing is live-only and never listed) and
/// <c>POST /conversations/{id}/activities</c> (answers <c>200 {id}</c> right after recording and echoing; the bot
/// turn runs afterwards).
/// </summary>
internal static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{conversationId}/activities", GetAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostAsync);
        return group;
    }

    private static async Task<Results<JsonHttpResult<ActivitySet>, JsonHttpResult<ErrorResponse>>> GetAsync(
        HttpContext http, ConversationChannel channel, string conversationId, string? watermark)
    {
        var requested = Watermarks.Parse(watermark);
        try
        {
            var (_, _, error) = await Caller.ForConversationAsync(http, channel, conversationId);
            if (error is not null) return error;
            var (stored, next) = await channel.ReadAfterAsync(conversationId, requested, channel.MaxReplayBatch, http.RequestAborted);
            return ErrorResults.Json(new ActivitySet { Activities = [.. stored.Select(Deserialize)], Watermark = Watermarks.Format(next) },
                DirectLineJsonContext.Default.ActivitySet);
        }
        catch (StoreUnavailableException)
        {
            // Any error other than 403/404 silently stops DirectLineJS's poller: answer "nothing new" instead.
            return ErrorResults.Json(new ActivitySet { Activities = [], Watermark = Watermarks.Format(requested) }, DirectLineJsonContext.Default.ActivitySet);
        }
    }

    private static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> PostAsync(
        HttpContext http, ConversationChannel channel, IOptions<DirectLineOptions> options, PostRateLimiter rate,
        DirectLineTokenService tokens, ITokenRevocations revocations, string conversationId)
    {
        try
        {
            var (caller, conversation, error) = await Caller.ForConversationAsync(http, channel, conversationId);
            if (error is not null) return error;
            if (!caller!.IsSecret && rate.TryAcquire(http, conversationId) is { } tooMany) return tooMany;
            var (activity, bodyError) = await JsonBodyReader.ReadAsync(http.Request, SchemaJsonContext.Default.Activity, options.Value.MaxActivityBytes, allowEmpty: false);
            if (bodyError is not null) return bodyError;
            if (IncomingActivity.Validate(activity!, caller!, conversation!) is { } invalid) return invalid;
            var recorded = await channel.PostFromUserAsync(conversation!, activity!, http.RequestAborted);
            // The user ended the conversation: the bot still gets the activity, then no token of it works any more.
            if (activity!.Type == ActivityTypes.EndOfConversation && caller!.Token is { } token)
                await revocations.RevokeAsync(conversationId, tokens.LastPossibleExpiry(token), http.RequestAborted);
            return ErrorResults.Json(new ResourceResponse(recorded.Id!), DirectLineJsonContext.Default.ResourceResponse);
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
    }

    internal static Activity Deserialize(StoredActivity stored) =>
        JsonSerializer.Deserialize(stored.Json, SchemaJsonContext.Default.Activity)!;
}

/// <summary>Checks and normalises what a client posts, before anything is stored.</summary>
internal static class IncomingActivity
{
    public static JsonHttpResult<ErrorResponse>? Validate(Activity activity, Caller caller, ConversationRecord conversation)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The activity needs a 'type'.");
        if (activity.Type == ActivityTypes.ConversationUpdate)
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "conversationUpdate activities are sent by the channel, not by clients.");
        // The token's user wins (DirectLineJS does the same); otherwise the client's from.id, else the conversation's user.
        var userId = caller.Token?.UserId ?? activity.From?.Id ?? conversation.UserId;
        if (string.IsNullOrWhiteSpace(userId))
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The activity needs 'from.id' (the user).");
        activity.From ??= new ChannelAccount();
        activity.From.Id = userId;
        BindSiteMunicipality(activity, caller);
        return null;
    }

    /// <summary>
    /// The join event's <c>municipality_code</c> ("from the municipality's website") is what the token was issued
    /// for: a tenant token's code replaces whatever the page sent, and a token without one carries none. Only a bot
    /// secret (a trusted server-side caller) may state it freely.
    /// </summary>
    private static void BindSiteMunicipality(Activity activity, Caller caller)
    {
        const string key = "municipality_code";
        if (caller.IsSecret || activity.Type != ActivityTypes.Event || activity.Value is not System.Text.Json.Nodes.JsonObject value) return;
        if (caller.Token!.SiteMunicipality is { } bound) value[key] = bound;
        else value.Remove(key);
    }
}

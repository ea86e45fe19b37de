using AuroraBots.DirectLine.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuroraBots.DirectLine.Apis;

/// <summary>Direct Line's ErrorResponse <c>{"error":{"code","message"}}</c> with an HTTP status.</summary>
internal static class ErrorResults
{
    public static JsonHttpResult<ErrorResponse> Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new Error(code, message)), DirectLineJsonContext.Default.ErrorResponse, statusCode: status);

    public static JsonHttpResult<ErrorResponse> ConversationNotFound(string conversationId) =>
        Error(StatusCodes.Status404NotFound, DirectLineErrorCodes.ConversationNotFound, $"Conversation '{conversationId}' does not exist or has expired.");

    public static JsonHttpResult<ErrorResponse> StoreUnavailable() =>
        Error(StatusCodes.Status503ServiceUnavailable, DirectLineErrorCodes.ServiceUnavailable, "The conversation store is temporarily unavailable. Please try again.");

    public static JsonHttpResult<T> Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, type, statusCode: status);
}

using AuroraBots.DirectLine.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>GET /session/getsessionid</c> (used by Web Chat only for sign-in cards, which this platform does not use)
/// and the JSON 404 for every other path under the prefix.
/// </summary>
internal static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder group)
    {
        group.MapGet("/session/getsessionid", GetSessionId);
        group.Map("/{**path}", (string? path) =>
            ErrorResults.Error(StatusCodes.Status404NotFound, DirectLineErrorCodes.NotFound, $"No Direct Line endpoint at '/{path}'."));
        return group;
    }

    private static Results<JsonHttpResult<SessionIdResponse>, JsonHttpResult<ErrorResponse>> GetSessionId(HttpContext http)
    {
        if (Caller.TryAuthenticate(http, out _) is { } authError) return authError;
        return ErrorResults.Json(new SessionIdResponse(Ids.NewRandomId()), DirectLineJsonContext.Default.SessionIdResponse);
    }
}

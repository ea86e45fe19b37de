using Microsoft.AspNetCore.Http;

namespace AuroraBots.Network.Apis;

/// <summary>The original answers errors (and the transfer URL) as bare text; clients key on the status code.</summary>
internal static class TextResults
{
    public static IResult Text(int status, string body) => Results.Text(body, "text/plain; charset=utf-8", statusCode: status);

    public static IResult ValidationError(string details) => Text(StatusCodes.Status400BadRequest, "Validation error in request data: " + details);

    public static IResult Unauthorized() => new UnauthorizedResult();

    private sealed class UnauthorizedResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            // The original sends 'Authorization realm=…'; RFC 7617 wants the scheme name, which clients understand.
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Service recommender API\"";
            return Text(StatusCodes.Status401Unauthorized, "Unauthorized").ExecuteAsync(httpContext);
        }
    }
}

using System.Security.Claims;
using AuroraBots.Agents.Desk;
using AuroraBots.Agents.Security;
using AuroraBots.Editor.Apis;
using AuroraBots.Editor.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Agents.Apis;

/// <summary><c>/agent/api/session</c> (sign in/out with the editor's users, agent role only) and <c>/agent/api/me</c>.</summary>
public static class AgentSessionApi
{
    public static RouteGroupBuilder MapAgentSessionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignInAsync).AllowAnonymous();
        api.MapDelete("/session", SignOutAsync).AllowAnonymous();
        api.MapGet("/me", SessionApi.Me);
        return api;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext http, EditorUserDirectory users,
        SecurityStamps stamps, SignInThrottle throttle, ILogger<AgentDesk> logger, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        var address = http.Connection.RemoteIpAddress?.ToString();
        // The same throttle as the editor's sign-in: guessing passwords here is no easier than there.
        if (await throttle.IsLockedAsync(name, address, cancellationToken))
        {
            http.Response.Headers.RetryAfter = ((int)throttle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many failed sign-ins. Wait a while and try again, or ask an admin.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in paused");
        }
        var user = name.Length > 0 && !string.IsNullOrEmpty(request.Password) ? await users.AuthenticateAsync(name, request.Password, cancellationToken) : null;
        if (user is null) await throttle.FailedAsync(name, address, cancellationToken);
        if (user is null || !user.Roles.Any(AgentSecurity.Roles.Contains))
        {
            // Only the outcome is logged: never the password, and a name only of a known user.
            logger.LogInformation("Agent console sign-in refused{Known}", user is null ? "" : $" for {user.Name} (no agent role)");
            return TypedResults.Problem(user is null ? "Wrong name or password." : "This user does not have the agent role.",
                statusCode: user is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, title: "Sign-in failed");
        }
        await throttle.SucceededAsync(name, cancellationToken);
        var claims = SessionPrincipal.For(user, await stamps.CurrentAsync(user.Name, cancellationToken)).Claims;
        await http.SignInAsync(AgentSecurity.Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, AgentSecurity.Scheme)));
        return TypedResults.Ok(new MeResponse(user.Name, user.Roles));
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http, ClaimsPrincipal user)
    {
        await http.SignOutAsync(AgentSecurity.Scheme);
        return TypedResults.NoContent();
    }
}

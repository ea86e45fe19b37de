using System.Security.Claims;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record SignInRequest(string? Name, string? Password);

public sealed record MeResponse(string Name, IReadOnlyList<string> Roles);

/// <summary><c>/editor/api/session</c> (sign in/out) and <c>/editor/api/me</c>.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignInAsync).AllowAnonymous();
        api.MapDelete("/session", SignOutAsync).AllowAnonymous();
        api.MapGet("/me", Me);
        return api;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, EditorUserDirectory users, SecurityStamps stamps, SignInThrottle throttle, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        // The password is never logged or audited: only the name and the outcome.
        var audited = name.Length == 0 ? "(empty)" : name.Length > 100 ? name[..100] + "…" : name;
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsLockedAsync(name, address, cancellationToken))
        {
            await audit.AppendAsync(audited, AuditActions.SignIn, null, false, "refused: too many failed sign-ins", cancellationToken);
            http.Response.Headers.RetryAfter = ((int)throttle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refusals.Problem(http, StatusCodes.Status429TooManyRequests, "signin.paused", ("minutes", Math.Ceiling(throttle.Window.TotalMinutes)));
        }
        var user = name.Length > 0 && !string.IsNullOrEmpty(request.Password) ? await users.AuthenticateAsync(name, request.Password, cancellationToken) : null;
        await audit.AppendAsync(audited, AuditActions.SignIn, null, user is not null, user is null ? "wrong name or password" : null, cancellationToken);
        if (user is null)
        {
            await throttle.FailedAsync(name, address, cancellationToken);
            return Refusals.Problem(http, StatusCodes.Status401Unauthorized, "signin.wrong");
        }

        await throttle.SucceededAsync(name, cancellationToken);
        await http.SignInAsync(EditorRoles.Scheme, SessionPrincipal.For(user, await stamps.CurrentAsync(user.Name, cancellationToken)));
        return TypedResults.Ok(new MeResponse(user.Name, user.Roles));
    }

    /// <summary>Signing out ends every session of the user (all browsers), not only this cookie.</summary>
    public static async Task<NoContent> SignOutAsync(HttpContext http, AuditLog audit, SecurityStamps stamps, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(EditorRoles.Scheme);
        if (result.Principal?.Identity?.Name is { } name)
        {
            await stamps.RenewAsync(name, cancellationToken);
            await audit.AppendAsync(name, AuditActions.SignOut, null, true, null, cancellationToken);
        }
        await http.SignOutAsync(EditorRoles.Scheme);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(user.Identity?.Name ?? "",
            // Each identity's own role claim type, so roles from an OpenID Connect provider show up too.
            [.. user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct()]));
}

using System.Security.Claims;
using AuroraBots.Editor.Audit;
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
        SignInRequest request, HttpContext http, EditorUserDirectory users, AuditLog audit, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        var user = name.Length > 0 && !string.IsNullOrEmpty(request.Password) ? await users.AuthenticateAsync(name, request.Password, cancellationToken) : null;
        // The password is never logged or audited: only the name and the outcome.
        var audited = name.Length == 0 ? "(empty)" : name.Length > 100 ? name[..100] + "…" : name;
        await audit.AppendAsync(audited, AuditActions.SignIn, null, user is not null, user is null ? "wrong name or password" : null, cancellationToken);
        if (user is null)
            return TypedResults.Problem("Wrong name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");

        await http.SignInAsync(EditorRoles.Scheme, SessionPrincipal.For(user));
        return TypedResults.Ok(new MeResponse(user.Name, user.Roles));
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http, AuditLog audit, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(EditorRoles.Scheme);
        if (result.Principal?.Identity?.Name is { } name)
            await audit.AppendAsync(name, AuditActions.SignOut, null, true, null, cancellationToken);
        await http.SignOutAsync(EditorRoles.Scheme);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(user.Identity?.Name ?? "",
            // Each identity's own role claim type, so roles from an OpenID Connect provider show up too.
            [.. user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct()]));
}

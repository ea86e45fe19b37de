using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Security;

/// <summary>
/// The signed-in principal, and its re-check on every request: a session lives only while the user exists and its
/// security stamp is the user's current one (<see cref="SecurityStamps"/>: renewed on delete, re-add, password or
/// role change and sign-out); changed configured roles apply to the next request.
/// </summary>
public static class SessionPrincipal
{
    /// <summary>Marks sessions from the embedded user directory; sessions from OpenID Connect are left to the identity provider.</summary>
    private const string DirectoryClaim = "aurora_editor_directory";
    private const string StampClaim = "aurora_editor_stamp";

    public static ClaimsPrincipal For(EditorUserInfo user, string stamp)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(DirectoryClaim, user.Source), new(StampClaim, stamp) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, EditorRoles.Scheme));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(DirectoryClaim) is null) return;
        if (context.Principal.Identity?.Name is not { } name) { context.RejectPrincipal(); return; }
        var directory = context.HttpContext.RequestServices.GetRequiredService<EditorUserDirectory>();
        var current = await directory.FindAsync(name, context.HttpContext.RequestAborted);
        var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
        var stamp = context.Principal.FindFirst(StampClaim)?.Value;
        string? currentStamp;
        // While Redis is down the last-known session stands (reads get 503 anyway); every write renews the stamp later.
        try { currentStamp = await stamps.FindAsync(name, context.HttpContext.RequestAborted); }
        catch (Storage.RedisUnavailableException) { currentStamp = stamp; }
        if (current is null || stamp is null || stamp != currentStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(EditorRoles.Scheme);
            return;
        }
        var roles = context.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order();
        if (!roles.SequenceEqual(current.Roles.Order()))
        {
            context.ReplacePrincipal(For(current, stamp));
            context.ShouldRenew = true;
        }
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Security;

/// <summary>
/// The signed-in principal, and its re-check on every request: a user an admin removed is signed out at once, and
/// changed roles apply to the next request instead of when the cookie expires.
/// </summary>
public static class SessionPrincipal
{
    /// <summary>Marks sessions from the embedded user directory; sessions from OpenID Connect are left to the identity provider.</summary>
    private const string DirectoryClaim = "aurora_editor_directory";

    public static ClaimsPrincipal For(EditorUserInfo user)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(DirectoryClaim, user.Source) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, EditorRoles.Scheme));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(DirectoryClaim) is null) return;
        if (context.Principal.Identity?.Name is not { } name) { context.RejectPrincipal(); return; }
        var directory = context.HttpContext.RequestServices.GetRequiredService<EditorUserDirectory>();
        var current = await directory.FindAsync(name, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(EditorRoles.Scheme);
            return;
        }
        var roles = context.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order();
        if (!roles.SequenceEqual(current.Roles.Order()))
        {
            context.ReplacePrincipal(For(current));
            context.ShouldRenew = true;
        }
    }
}

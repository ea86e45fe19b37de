using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace AuroraBots.Editor.Security;

/// <summary>The sign-in cookie of an app on the embedded user directory (the editor, the agent console): one app's path only.</summary>
public static class SessionCookie
{
    public static void Configure(CookieAuthenticationOptions cookie, string name, string path, TimeSpan lifetime)
    {
        cookie.Cookie.Name = name;
        cookie.Cookie.Path = path;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = lifetime;
        cookie.SlidingExpiration = true;
        // An API answers 401/403 instead of redirecting to a login page.
        cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        // A removed user or changed roles apply at the next request.
        cookie.Events.OnValidatePrincipal = SessionPrincipal.ValidateAsync;
    }
}

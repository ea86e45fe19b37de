using AuroraBots.Editor.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Agents.Apis;

/// <summary>
/// The agent console at <c>/agent</c> (public page with the sign-in form; its data needs the cookie) and its files at
/// <c>/agent/app/…</c>, embedded from App/. Strict CSP: scripts, styles and the notification sound from this origin
/// only, no inline script or style.
/// </summary>
public static class AppApi
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly EmbeddedApp App = new(typeof(AppApi).Assembly, "AuroraBots.Agents.App/", (_, _) => Policy);

    public static IEndpointRouteBuilder MapAgentApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/agent", (HttpContext context) => App.Page(context)).AllowAnonymous();
        endpoints.MapGet("/agent/app/{**path}", (string path, HttpContext context) => App.File(path, context)).AllowAnonymous();
        return endpoints;
    }
}

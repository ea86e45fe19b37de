using AuroraBots.DirectLine.WebChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// The editor's web app: the page at <c>/editor</c> (public: it shows the sign-in form; every piece of data comes from
/// <c>/editor/api</c> with the cookie) and its static files at <c>/editor/app/…</c>, all embedded in this assembly
/// (App/ and the npm <c>yaml</c> package's browser build). The page carries a strict CSP with a per-response nonce,
/// which Web Chat (preview pane) puts on its emotion &lt;style&gt; elements.
/// </summary>
public static class AppApi
{
    private static readonly EmbeddedApp App = new(typeof(AppApi).Assembly, "AuroraBots.Editor.App/",
        (nonce, context) => WebChatPagePolicy.For(nonce, $"{context.Request.Scheme}://{context.Request.Host}"));

    public static IEndpointRouteBuilder MapEditorApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/editor", Page).AllowAnonymous();
        endpoints.MapGet("/editor/app/{**path}", File).AllowAnonymous();
        return endpoints;
    }

    public static Results<ContentHttpResult, NotFound> Page(HttpContext context) => App.Page(context);

    public static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> File(string path, HttpContext context) => App.File(path, context);
}

using System.Security.Cryptography;

namespace AuroraBots.DirectLine.WebChat;

/// <summary>
/// The strict Content-Security-Policy for a page that runs Microsoft Web Chat against this channel (the host's demo
/// pages, the editor's preview): no inline script at all, styles only from the page's origin or carrying the
/// per-response nonce (Web Chat's emotion styles receive it through its <c>nonce</c> prop).
/// </summary>
public static class WebChatPagePolicy
{
    /// <summary>
    /// Hash of the empty string. Web Chat 4.18.1 passes its nonce to every emotion cache except react-scroll-to-bottom's,
    /// which creates an empty &lt;style&gt; and fills it through CSSOM <c>insertRule</c> (not governed by CSP). Allowing
    /// an empty inline style lets that element exist; it cannot carry any CSS of its own.
    /// </summary>
    public const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <param name="chatOrigin">Origin of the chat host (scripts, Direct Line REST and WebSocket); the page's own origin for the demo page.</param>
    public static string For(string nonce, string chatOrigin)
    {
        var socketOrigin = SocketOrigin(chatOrigin);
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {chatOrigin}",
            $"style-src 'self' {chatOrigin} 'nonce-{nonce}' {EmptyStyleHash} 'report-sample'",
            $"img-src 'self' {chatOrigin} data: blob:",
            $"connect-src 'self' {chatOrigin} {socketOrigin}",
            $"media-src 'self' {chatOrigin} blob:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>The WebSocket origin matching an http(s) origin (ws:// for http, wss:// for https).</summary>
    public static string SocketOrigin(string httpOrigin) =>
        httpOrigin.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + httpOrigin[8..]
        : httpOrigin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + httpOrigin[7..]
        : httpOrigin;
}

using System.Security.Cryptography;
using AuroraBots.Widget.Assets;

namespace AuroraBots.Host.WebChat;

/// <summary>Finds the self-hosted Web Chat bundle under wwwroot and computes its SRI hash once at startup.</summary>
public static class WebChatBundleLocator
{
    public const string RequestPath = "/lib/webchat/webchat.js";

    public static WebChatBundle Locate(IWebHostEnvironment environment, ILogger logger)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(RequestPath.TrimStart('/'));
        if (!file.Exists)
        {
            logger.LogError("Web Chat bundle {Path} is missing; build the host (the build copies it from npm) before running", RequestPath);
            return new WebChatBundle(RequestPath, null);
        }
        using var stream = file.CreateReadStream();
        return new WebChatBundle(RequestPath, "sha384-" + Convert.ToBase64String(SHA384.HashData(stream)));
    }
}

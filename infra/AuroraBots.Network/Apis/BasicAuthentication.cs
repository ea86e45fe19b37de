using System.Text;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.SessionTransfer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Network.Apis;

/// <summary>
/// HTTP Basic with a registered client id and secret (the original asks profile management's
/// <c>/oauth/client_info</c>). On success the caller (<c>provider.fi</c>, <c>name.fi</c>) is available to the
/// handler; otherwise 401 <c>Unauthorized</c> with <c>WWW-Authenticate</c>. Credentials are never logged.
/// </summary>
internal sealed class BasicAuthentication : IEndpointFilter
{
    private const string CallerKey = "AuroraAI.Caller";

    public static CallerInfo Caller(HttpContext context) => (CallerInfo)context.Items[CallerKey]!;

    public static AuroraServiceRegistration? TryAuthenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
        catch (FormatException) { return null; }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return null;
        var registry = context.RequestServices.GetRequiredService<IAuroraServiceRegistry>();
        return registry.Authenticate(decoded[..colon], decoded[(colon + 1)..]);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (TryAuthenticate(context.HttpContext) is not { } service) return TextResults.Unauthorized();
        context.HttpContext.Items[CallerKey] = new CallerInfo(
            service.ClientId, service.Provider.GetValueOrDefault("fi", ""), service.Name.GetValueOrDefault("fi", ""));
        return await next(context);
    }
}

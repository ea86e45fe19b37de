using System.Net;
using AuroraBots.Widget.Tenants;

namespace AuroraBots.Widget.Apis;

/// <summary>
/// A bot's default avatar in the tenant's colours (its initial on the theme's primary colour), for tenants that
/// configure no <c>Theme:BotAvatars</c> picture: a green site gets a green avatar.
/// </summary>
internal static class ThemeAvatar
{
    public static string PathFor(string tenant, string botId) => $"/api/tenants/{Uri.EscapeDataString(tenant)}/avatars/{Uri.EscapeDataString(botId)}.svg";

    public static string Svg(ThemeOptions theme, string name)
    {
        var initial = WebUtility.HtmlEncode(name.Trim().Length > 0 ? name.Trim()[..1].ToUpperInvariant() : "?");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" role=\"img\">"
            + $"<circle cx=\"32\" cy=\"32\" r=\"32\" fill=\"{theme.Primary}\"/>"
            + $"<text x=\"32\" y=\"42\" font-family=\"Arial, sans-serif\" font-size=\"28\" font-weight=\"700\" text-anchor=\"middle\" fill=\"{theme.OnPrimary}\">{initial}</text></svg>";
    }
}

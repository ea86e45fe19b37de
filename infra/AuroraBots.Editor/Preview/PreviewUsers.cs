using System.Security.Claims;
using System.Text;

namespace AuroraBots.Editor.Preview;

/// <summary>The Direct Line user id of an editor's preview conversations: URL-safe (Direct Line puts it into URLs) and stable per editor.</summary>
public static class PreviewUsers
{
    public static string IdOf(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "";
        var id = new StringBuilder("editor-");
        foreach (var c in name) id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return id.ToString();
    }
}

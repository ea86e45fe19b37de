namespace AuroraBots.Widget.Tenants;

/// <summary>The <c>Widget</c> configuration section: tenants (municipality sites) and token endpoint limits.</summary>
public sealed class WidgetOptions
{
    public const string SectionName = "Widget";

    /// <summary>
    /// Absolute base URL of this host as embedding sites reach it (e.g. <c>https://chat.example.fi</c>).
    /// Empty: derived from each request. Used for the Direct Line domain handed to the widget and in demo sites.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Tenants by id (the <c>data-tenant</c> attribute); ids are lower-case letters, digits and '-'.</summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TokenRateLimitOptions TokenRateLimit { get; set; } = new();
}

/// <summary>Per client address limit on the token endpoints (never applied to Direct Line itself).</summary>
public sealed class TokenRateLimitOptions
{
    /// <summary>Tokens one client address may fetch per window.</summary>
    public int PermitLimit { get; set; } = 30;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>One municipality site that embeds the widget.</summary>
public sealed class TenantOptions
{
    /// <summary>Name of the organisation shown in the panel header, by language (fi, sv, en).</summary>
    public Dictionary<string, string> DisplayName { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Origins (scheme://host[:port]) allowed to embed the widget and fetch tokens. A port of <c>*</c>
    /// (<c>http://localhost:*</c>) matches any port; meant for development only.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The bot the widget connects to (an id from the bot catalogue).</summary>
    public string DefaultBot { get; set; } = "";

    /// <summary>Statistics Finland municipality code preset for this site (e.g. "837" Tampere); sent to the bot on join.</summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>Languages offered in the panel's switcher, a subset of fi, sv, en (all three when empty).</summary>
    /// <remarks>No initial items: the configuration binder appends to existing lists.</remarks>
    public List<string> Languages { get; set; } = [];

    /// <summary>Used when the page's <c>lang</c> is none of <see cref="Languages"/>.</summary>
    public string DefaultLanguage { get; set; } = "fi";

    public WelcomeOptions Welcome { get; set; } = new();

    public ThemeOptions Theme { get; set; } = new();
}

public sealed class WelcomeOptions
{
    /// <summary>Send the <c>webchat/join</c> event when a conversation starts, so the bot greets first.</summary>
    public bool SendJoinEvent { get; set; } = true;

    /// <summary>Open the panel automatically on a visitor's first page view (off by default: uninvited pop-ups annoy).</summary>
    public bool OpenOnFirstVisit { get; set; }
}

/// <summary>Colours (hex #rrggbb), logo and bot avatars. Contrast is checked at startup (WCAG AA, 4.5:1).</summary>
public sealed class ThemeOptions
{
    /// <summary>Header, launcher and own-message colour.</summary>
    public string Primary { get; set; } = "#0b57a4";

    /// <summary>Text on <see cref="Primary"/>.</summary>
    public string OnPrimary { get; set; } = "#ffffff";

    public string Background { get; set; } = "#ffffff";

    public string Text { get; set; } = "#1a1a1a";

    /// <summary>Logo in the panel header (absolute URL or a path on this host).</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Avatar image per bot id (absolute URL or a path on this host).</summary>
    public Dictionary<string, string> BotAvatars { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Optional name overrides per bot id and language (otherwise the bot's own display name).</summary>
    public Dictionary<string, Dictionary<string, string>> BotNames { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

namespace AuroraBots.Widget.Apis;

/// <summary>What the widget needs to draw itself for a tenant; public information only (no secrets).</summary>
public sealed record TenantConfigResponse(
    string Tenant,
    IReadOnlyDictionary<string, string> DisplayName,
    IReadOnlyList<string> Languages,
    string DefaultLanguage,
    string? MunicipalityCode,
    WelcomeResponse Welcome,
    ThemeResponse Theme,
    string DefaultBot,
    IReadOnlyList<BotAppearance> Bots,
    string DirectLineDomain,
    WebChatResponse WebChat);

public sealed record WelcomeResponse(bool SendJoinEvent, bool OpenOnFirstVisit);

public sealed record ThemeResponse(string Primary, string OnPrimary, string Background, string Text, string? LogoUrl);

/// <summary>How a bot looks in the panel header; used to show hand-offs between bots.</summary>
public sealed record BotAppearance(string Id, IReadOnlyDictionary<string, string> Name, IReadOnlyDictionary<string, string> Organisation, string? AvatarUrl);

public sealed record WebChatResponse(string Url, string? Integrity);

/// <param name="Language">fi, sv or en; the tenant's default when absent or unsupported.</param>
public sealed record TokenRequest(string? Language);

/// <param name="DirectLineDomain">Pass as <c>domain</c> to <c>WebChat.createDirectLine</c>.</param>
public sealed record TokenResponse(string ConversationId, string Token, int ExpiresIn, string UserId, string BotId, string DirectLineDomain);

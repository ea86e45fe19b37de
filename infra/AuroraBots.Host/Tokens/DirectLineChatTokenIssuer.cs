using AuroraBots.Dialogs.State;
using AuroraBots.DirectLine.Tokens;
using AuroraBots.Widget.Tokens;

namespace AuroraBots.Host.Tokens;

/// <summary>Issues widget and demo-page tokens through the channel's token service (the secret never leaves the server).</summary>
public sealed class DirectLineChatTokenIssuer(IDirectLineTokenService tokens, SiteContextSeeder sites) : IChatTokenIssuer
{
    public async Task<ChatToken> IssueAsync(ChatTokenRequest request, CancellationToken cancellationToken = default)
    {
        var token = await tokens.GenerateTokenAsync(request.BotId, new DirectLineTokenRequest
        {
            UserId = request.UserId,
            Locale = request.Locale,
            TrustedOrigins = [request.Origin],
            SiteMunicipality = request.SiteMunicipality,
        }, cancellationToken);
        // Before the client connects: the bot's first greeting already knows the site (see SiteContextSeeder).
        if (request.Site is { } site)
        {
            try { await sites.SeedAsync(token.ConversationId, request.BotId, new SiteContext(site.MunicipalityCode, site.BotNames), cancellationToken); }
            catch (StateUnavailableException ex) { throw new ChatTokenUnavailableException("The conversation state store is unavailable.", ex); }
        }
        return new ChatToken(token.ConversationId, token.Token, token.ExpiresIn);
    }
}

using AuroraBots.DirectLine.Tokens;
using AuroraBots.Widget.Tokens;

namespace AuroraBots.Host.Tokens;

/// <summary>Issues widget and demo-page tokens through the channel's token service (the secret never leaves the server).</summary>
public sealed class DirectLineChatTokenIssuer(IDirectLineTokenService tokens) : IChatTokenIssuer
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
        return new ChatToken(token.ConversationId, token.Token, token.ExpiresIn);
    }
}

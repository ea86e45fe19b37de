using AuroraBots.Widget.Tokens;

namespace AuroraBots.Host.Tokens;

/// <summary>Stands in when no Direct Line channel is wired: token endpoints answer 503 with an explanation instead of crashing.</summary>
public sealed class UnavailableChatTokenIssuer : IChatTokenIssuer
{
    public Task<ChatToken> IssueAsync(ChatTokenRequest request, CancellationToken cancellationToken = default) =>
        throw new ChatTokenUnavailableException("No Direct Line channel is configured in this host.");
}

namespace AuroraBots.DirectLine.Models;

/// <summary>The <c>error.code</c> values this channel answers with (Direct Line's names where one exists).</summary>
public static class DirectLineErrorCodes
{
    public const string MissingAuthorization = "MissingAuthorization";   // 401
    public const string BadAuthorization = "BadAuthorization";           // 403: unknown secret / invalid token
    public const string TokenExpired = "TokenExpired";                   // 403
    public const string TokenNotValidForConversation = "TokenNotValidForConversation"; // 403
    public const string SecretRequired = "SecretRequired";               // 403: tokens/generate with a token
    public const string OriginNotTrusted = "OriginNotTrusted";           // 403
    public const string ConversationNotFound = "ConversationNotFound";   // 404
    public const string NotFound = "NotFound";                           // 404
    public const string BadArgument = "BadArgument";                     // 400
    public const string UnsupportedMediaType = "UnsupportedMediaType";   // 415
    public const string MessageSizeTooBig = "MessageSizeTooBig";         // 413
    public const string TooManyRequests = "TooManyRequests";             // 429: posts per token per second
    public const string ServiceUnavailable = "ServiceUnavailable";       // 503: store (Redis) unreachable
}

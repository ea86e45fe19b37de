namespace AuroraBots.Schema;

/// <summary>Activity <c>type</c> values used on this platform (Bot Framework names).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";
    public const string Invoke = "invoke";
    public const string Trace = "trace";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Channel = "channel";
}

public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
    public const string ShowImage = "showImage";
}

public static class TextFormatTypes
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
}

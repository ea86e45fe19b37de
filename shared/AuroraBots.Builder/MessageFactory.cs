using AuroraBots.Schema;

namespace AuroraBots.Builder;

/// <summary>Small helpers for building outgoing activities (Bot Framework's MessageFactory, trimmed).</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? textFormat = null) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = textFormat };

    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null) =>
        new() { Type = ActivityTypes.Message, Text = text, AttachmentLayout = "carousel", Attachments = [.. attachments] };
}

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>Checks of the contact detail a citizen leaves (shared by the chat and the agents' API).</summary>
public static class ContactValidation
{
    public static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return value.Length <= 30 && digits is >= 5 and <= 15 && value.TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')');
    }

    public static bool IsEmail(string value) =>
        value.Length is >= 5 and <= 200 && value.IndexOf('@') is > 0 and var at && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.')
        && !value.Any(char.IsWhiteSpace);
}

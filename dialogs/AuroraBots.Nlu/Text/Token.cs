namespace AuroraBots.Nlu.Text;

/// <summary>A word of the utterance: its original text, folded form and where it sits.</summary>
internal readonly record struct Token(string Text, string Folded, int Start)
{
    public int Length => Text.Length;
    public int End => Start + Text.Length;
    public bool IsNumber => Folded.Length > 0 && Folded.All(char.IsAsciiDigit);
}

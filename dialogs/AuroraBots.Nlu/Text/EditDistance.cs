namespace AuroraBots.Nlu.Text;

internal static class EditDistance
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most one edit (incl. a swap of neighbours).</summary>
    public static bool AtMostOne(string a, string b) => AtMostOne(a.AsSpan(), b.AsSpan());

    /// <inheritdoc cref="AtMostOne(string, string)"/>
    public static bool AtMostOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return true;
        }
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        if (a.Length == b.Length)
        {
            if (a[(prefix + 1)..].SequenceEqual(b[(prefix + 1)..]))
            {
                return true; // substitution
            }
            return prefix + 1 < a.Length
                && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]); // swap
        }
        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        return longer[(prefix + 1)..].SequenceEqual(shorter[prefix..]); // insertion/deletion
    }
}

namespace AuroraBots.Nlu.Text;

internal static class EditDistance
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most one edit (incl. a swap of neighbours).</summary>
    public static bool AtMostOne(string a, string b)
    {
        if (a == b)
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
            if (a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1)))
            {
                return true; // substitution
            }
            return prefix + 1 < a.Length
                && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2)); // swap
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix)); // insertion/deletion
    }
}

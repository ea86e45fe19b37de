using System.Text.Json.Serialization;

namespace AuroraBots.Editor.Versions;

[JsonConverter(typeof(JsonStringEnumConverter<DiffOp>))]
public enum DiffOp { Same, Removed, Added }

public sealed record DiffLine(DiffOp Op, string Text, int? OldLine, int? NewLine);

/// <summary>A unified-diff hunk: <c>@@ -OldStart,OldCount +NewStart,NewCount @@</c> and its lines.</summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffLine> Lines)
{
    public string Header => $"@@ -{OldStart},{OldCount} +{NewStart},{NewCount} @@";

    public string ToUnified() => Header + "\n" + string.Join("\n", Lines.Select(l => (l.Op switch { DiffOp.Added => "+", DiffOp.Removed => "-", _ => " " }) + l.Text));
}

/// <summary>Line diff by longest common subsequence (dialog files are small: a few hundred lines).</summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        // lcs[i, j] = LCS length of a[i..] and b[j..]
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { result.Add(new(DiffOp.Same, a[x], x + 1, y + 1)); x++; y++; }
            // Removals before additions, as unified diffs show them.
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { result.Add(new(DiffOp.Removed, a[x], x + 1, null)); x++; }
            else { result.Add(new(DiffOp.Added, b[y], null, y + 1)); y++; }
        }
        return result;
    }

    /// <summary>The changes grouped into hunks with <paramref name="context"/> unchanged lines around them.</summary>
    public static IReadOnlyList<DiffHunk> Hunks(string oldText, string newText, int context = 3)
    {
        var lines = Compare(oldText, newText);
        var hunks = new List<DiffHunk>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Op == DiffOp.Same) { i++; continue; }
            var start = Math.Max(0, i - context);
            var end = i;
            // Extend while the next change is within 2*context unchanged lines.
            while (end < lines.Count)
            {
                if (lines[end].Op != DiffOp.Same) { end++; continue; }
                var run = end;
                while (run < lines.Count && lines[run].Op == DiffOp.Same) run++;
                if (run < lines.Count && run - end <= 2 * context) { end = run; continue; }
                end = Math.Min(lines.Count, end + context);
                break;
            }
            var slice = lines.Skip(start).Take(end - start).ToList();
            var oldStart = slice.FirstOrDefault(l => l.OldLine is not null)?.OldLine ?? OldLineBefore(lines, start);
            var newStart = slice.FirstOrDefault(l => l.NewLine is not null)?.NewLine ?? NewLineBefore(lines, start);
            hunks.Add(new(oldStart, slice.Count(l => l.Op != DiffOp.Added), newStart, slice.Count(l => l.Op != DiffOp.Removed), slice));
            i = end;
        }
        return hunks;
    }

    private static int OldLineBefore(IReadOnlyList<DiffLine> lines, int index) =>
        lines.Take(index).LastOrDefault(l => l.OldLine is not null)?.OldLine ?? 0;

    private static int NewLineBefore(IReadOnlyList<DiffLine> lines, int index) =>
        lines.Take(index).LastOrDefault(l => l.NewLine is not null)?.NewLine ?? 0;

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}

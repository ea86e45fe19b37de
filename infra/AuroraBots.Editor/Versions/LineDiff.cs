using System.Text.Json.Serialization;
using DiffPlex;

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

/// <summary>Line diff of two versions of a content file (DiffPlex), grouped into unified-diff hunks.</summary>
public static class LineDiff
{
    private static readonly IChunker Lines = new LineSplitter();

    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText)
    {
        // Whitespace counts: in YAML an indentation change is a change.
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, Lines);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var result = new List<DiffLine>();
        int x = 0, y = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; x < block.DeleteStartA; x++, y++) result.Add(new(DiffOp.Same, a[x], x + 1, y + 1));
            // Removals before additions, as unified diffs show them.
            for (; x < block.DeleteStartA + block.DeleteCountA; x++) result.Add(new(DiffOp.Removed, a[x], x + 1, null));
            for (; y < block.InsertStartB + block.InsertCountB; y++) result.Add(new(DiffOp.Added, b[y], null, y + 1));
        }
        for (; x < a.Count; x++, y++) result.Add(new(DiffOp.Same, a[x], x + 1, y + 1));
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

    /// <summary>Lines without their ends (CRLF or LF); a final line end does not make an empty last line.</summary>
    private sealed class LineSplitter : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            if (text.Length == 0) return [];
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            return text.EndsWith('\n') ? lines[..^1] : lines;
        }
    }
}

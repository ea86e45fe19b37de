using AuroraBots.Editor.Versions;

namespace AuroraBots.Editor.Tests;

public sealed class LineDiffTests
{
    [Fact]
    public void Only_the_changed_line_is_removed_and_added()
    {
        var lines = LineDiff.Compare("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        Assert.Equal(
            [(DiffOp.Same, "a"), (DiffOp.Removed, "b"), (DiffOp.Added, "B"), (DiffOp.Same, "c"), (DiffOp.Same, "d"), (DiffOp.Added, "e")],
            lines.Select(l => (l.Op, l.Text)));
    }

    [Fact]
    public void Far_apart_changes_make_separate_hunks_with_unified_headers()
    {
        var old = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}"));
        var changed = old.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 28\n", "line twenty-eight\n", StringComparison.Ordinal);
        var hunks = LineDiff.Hunks(old, changed);
        Assert.Equal(2, hunks.Count);
        Assert.Equal("@@ -1,5 +1,5 @@", hunks[0].Header);
        Assert.Equal("@@ -25,6 +25,6 @@", hunks[1].Header);
        Assert.Contains("-line 28\n+line twenty-eight", hunks[1].ToUnified(), StringComparison.Ordinal);
    }
}

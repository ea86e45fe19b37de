using System.Text.Json.Serialization;

namespace AuroraBots.Editor.Versions;

[JsonConverter(typeof(JsonStringEnumConverter<FileChange>))]
public enum FileChange { Added, Removed, Modified }

public sealed record FileDiff(string Path, FileChange Change, IReadOnlyList<DiffHunk> Hunks, string Unified);

public sealed record VersionDiffResult(int From, int To, IReadOnlyList<FileDiff> Files);

/// <summary>Per-file diff of two versions' file sets (unchanged files are left out).</summary>
public static class VersionDiff
{
    public static IReadOnlyList<FileDiff> Compare(IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to)
    {
        var result = new List<FileDiff>();
        foreach (var path in from.Keys.Union(to.Keys).Order(StringComparer.Ordinal))
        {
            var before = from.GetValueOrDefault(path);
            var after = to.GetValueOrDefault(path);
            if (before == after) continue;
            var hunks = LineDiff.Hunks(before ?? "", after ?? "");
            var change = before is null ? FileChange.Added : after is null ? FileChange.Removed : FileChange.Modified;
            var unified = $"--- {(before is null ? "/dev/null" : "a/" + path)}\n+++ {(after is null ? "/dev/null" : "b/" + path)}\n"
                + string.Join("\n", hunks.Select(h => h.ToUnified()));
            result.Add(new(path, change, hunks, unified));
        }
        return result;
    }
}

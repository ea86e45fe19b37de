using AuroraBots.Nlu.Safety;

namespace AuroraBots.Nlu.Tests;

/// <summary>
/// The issue 12 targets on the independent crisis evaluation set (tests/eval/crisis/eval, never tuned on): recall
/// ≥ 98 % per language incl. mid-conversation messages, false alarms ≤ 0.5 % on ≥ 200 ordinary messages per language.
/// </summary>
public class SafetyEvaluationTests
{
    private static readonly string EvalFolder = FindEvalFolder("eval");

    private static string FindEvalFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "eval", "crisis", name);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("tests/eval/crisis not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void TheEvaluationSetIsLargeEnoughInEveryLanguage()
    {
        var sets = SafetyEvaluation.Load(EvalFolder).Sets;
        Assert.Equal(["en", "fi", "sv"], sets.Keys.Order());
        foreach (var (language, (crisis, ordinary)) in sets)
        {
            Assert.True(crisis.Count >= 40, $"{language}: {crisis.Count} crisis messages");
            Assert.True(ordinary.Count >= 200, $"{language}: {ordinary.Count} ordinary messages");
            Assert.Contains(crisis, c => c.Context is not null); // typed mid-conversation
            foreach (var category in SafetyCategories.All) Assert.Contains(crisis, c => c.Category == category);
        }
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void MeetsTheTargetsPerLanguage(string language)
    {
        var score = SafetyEvaluation.Load(EvalFolder).Score(SafetyRecognizer.Default).Single(s => s.Language == language);
        Assert.True(score.Recall >= 0.98,
            $"recall {score.Recall:P1}; missed: {string.Join(" | ", score.Missed.Select(m => m.Text))}");
        Assert.True(score.FalseAlarmRate <= 0.005,
            $"false alarms {score.FalseAlarmRate:P1}: {string.Join(" | ", score.FalseAlarmTexts)}");
    }

    [Fact]
    public void MalformedSetsNameTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("crisis-eval-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), "language: fi\ncrisis:\n  - { text: \"x\", category: sadness }\n");
            var error = Assert.Throws<FormatException>(() => SafetyEvaluation.Load(folder));
            Assert.Contains("bad.yaml", error.Message);
            Assert.Contains("category", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

namespace AuroraBots.Nlu.Tests;

public sealed class IntentFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aurorabots-nlu-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Loads_every_example_with_its_intent_and_language()
    {
        var path = Write("""
            intents:
              help:
                fi: ["apua", "mitä osaat"]
                sv: [hjälp]
                en:
                  - help
                  - "what can you do?"
              thanks:
                fi: [kiitos]
            """);
        var examples = IntentFile.Load(path);
        Assert.Equal(6, examples.Count);
        Assert.Contains(new IntentExample("help", "en", "what can you do?"), examples);
        Assert.Contains(new IntentExample("thanks", "fi", "kiitos"), examples);
        Assert.Equal(3, examples.Count(e => e.Language == "fi"));
    }

    [Theory]
    [InlineData("intents:\n  help:\n    de: [Hilfe]\n", "language 'de'")]
    [InlineData("intents:\n  help: [apua]\n", "must map fi/sv/en")]
    [InlineData("intents:\n  help:\n    fi: apua\n", "must be a list")]
    [InlineData("intents:\n  help:\n    fi: [\"\"]\n", "empty")]
    [InlineData("examples:\n  help: {}\n", "'intents:'")]
    [InlineData("intents:\n  help:\n    fi: [apua\n", "line")]
    [InlineData("intents:\n  [a, b]:\n    fi: [apua]\n", "plain text")]
    [InlineData("intents:\n  help:\n    fi: [apua]\n  help:\n    sv: [hjälp]\n", "line")]
    public void Bad_files_are_rejected_with_the_file_and_the_problem(string yaml, string problem)
    {
        var path = Write(yaml);
        var error = Assert.Throws<IntentFileException>(() => IntentFile.Load(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<IntentFileException>(() => IntentFile.Load(Path.Combine(_folder, "nope.yaml")));
        Assert.Contains("does not exist", error.Message);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}

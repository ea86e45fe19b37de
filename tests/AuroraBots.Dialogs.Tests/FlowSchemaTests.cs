using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Steps;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Validation;
using AuroraBots.Platform;

namespace AuroraBots.Dialogs.Tests;

/// <summary>The flow JSON Schema is generated from the one list of step kinds and committed as bots/flow.schema.json.</summary>
public sealed class FlowSchemaTests
{
    private static string SchemaFile => Path.Combine(TestContent.RepoDialogs, FlowSchema.FileName);

    [Fact]
    public void TheCommittedSchemaIsTheGeneratedOne()
    {
        var generated = FlowSchema.Text(Languages.Default.Supported);
        if (Environment.GetEnvironmentVariable("AURORABOTS_UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaFile, generated);
        Assert.True(File.Exists(SchemaFile) && File.ReadAllText(SchemaFile) == generated,
            $"bots/{FlowSchema.FileName} is out of date: AURORABOTS_UPDATE_SCHEMA=1 dotnet test tests/AuroraBots.Dialogs.Tests --filter FlowSchema");
    }

    [Fact]
    public void EachStepKindIsOneAlternativeWithExactlyItsKeys()
    {
        var alternatives = FlowSchema.Generate(Languages.Default.Supported)["properties"]?["steps"]?["items"]?["oneOf"]?.AsArray() ?? [];

        Assert.Equal(StepKinds.All.Select(k => k.Key), alternatives.Select(a => a?["title"]?.GetValue<string>()));
        foreach (var kind in StepKinds.All)
        {
            var alternative = alternatives.Single(a => a?["title"]?.GetValue<string>() == kind.Key);
            Assert.Equal(kind.AllKeys.Order(), (alternative?["properties"]?.AsObject() ?? []).Select(p => p.Key).Order());
            Assert.False(alternative?["additionalProperties"]?.GetValue<bool>());
        }
    }

    [Fact]
    public void EveryYamlKeyOfAStepBelongsToSomeKindAndNoKindNamesAnUnknownKey()
    {
        var used = StepKinds.All.SelectMany(k => k.AllKeys).ToHashSet();
        Assert.Equal(StepKeys.All.Order(), used.Order());
    }

    [Fact]
    public void EveryFlowFileTellsIdesWhereTheSchemaIs()
    {
        var content = new DialogContentLoader(new DialogContentValidator()).Load(TestContent.RepoDialogs).Content;
        Assert.NotNull(content);
        var flows = content.Bots.Values.SelectMany(b => b.Flows.Values).Concat(content.Shared.Flows.Values).ToList();
        Assert.NotEmpty(flows);
        foreach (var flow in flows)
            Assert.True(File.ReadLines(Path.Combine(TestContent.RepoDialogs, flow.File)).First() == FlowSchema.Modeline,
                $"{flow.File} does not start with '{FlowSchema.Modeline}'");
    }

    [Fact]
    public void TheValidatorRefusesAKeyThatDoesNotBelongToTheStepsKind()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        dialogs.Write("engine/main.yaml", "steps:\n  - say: { fi: \"A\", sv: \"A\", en: \"A\" }\n    max_retries: 2\n");

        var errors = new DialogContentLoader(new DialogContentValidator()).Load(dialogs.Path).Errors.Select(e => e.ToString());

        Assert.Contains("engine/main.yaml: steps[0].max_retries: 'max_retries' does not belong to a say step", errors);
    }

    [Fact]
    public void ThePlaceholdersThatCannotBeFilledAreRefused()
    {
        Assert.Null(Placeholders.Check(new Placeholders.Placeholder("language.name", null)));
        Assert.Equal("unknown placeholder '{service.name}'", Placeholders.Check(new Placeholders.Placeholder("service.name", null)));
    }

    [Fact]
    public async Task LanguageNameIsTheConversationLanguageInItself()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        dialogs.Write("engine/main.yaml", "steps:\n  - say: { fi: \"Kieli: {language.name}\", sv: \"Språk: {language.name}\", en: \"Language: {language.name}\" }\n");
        await using var engine = new EngineHarness(dialogs.Path);

        var replies = await engine.JoinAsync("language-name", "engine", "sv-FI");

        Assert.Equal("Språk: svenska", replies.Single().Text);
    }

    [Fact]
    public void TheSchemaListsThePlatformLanguagesForTexts()
    {
        var text = FlowSchema.Generate(["fi", "sv"])["$defs"]?["text"]?["anyOf"]?[1]?["properties"]?.AsObject() ?? [];
        Assert.Equal(["fi", "sv"], text.Select(p => p.Key));
    }
}
